using System.Globalization;
using System.Text.Json;
using Lighter.Signing.Tests.Vectors;
using Lighter.Signing.Transactions;
using Lighter.Signing.Transactions.Conformance;

namespace Lighter.Signing.Tests.Transactions;

/// <summary>One vector of <c>oracle/transactions.json</c>, rebuilt from its inputs.</summary>
public sealed class TransactionVector
{
    private static readonly Lazy<JsonDocument> Document = new(() => VectorFiles.Load("oracle/transactions.json"));
    private static readonly Lazy<JsonDocument> Keys = new(() => VectorFiles.Load("oracle/keys.json"));

    private TransactionVector(JsonElement json)
    {
        Json = json;
        Name = json.GetProperty("name").GetString()!;
        ChainId = new LighterChainId(json.GetProperty("chain_id").GetUInt32());
        Header = new TxHeader(
            json.GetProperty("account_index").GetInt64(),
            json.GetProperty("api_key_index").GetByte(),
            json.GetProperty("nonce").GetInt64(),
            json.GetProperty("expired_at").GetInt64());
        var request = json.GetProperty("request");
        using var empty = JsonDocument.Parse("{}");
        Transaction = TransactionJsonReader.Read(
            (TxType)json.GetProperty("tx_type").GetByte(),
            request.ValueKind == JsonValueKind.Object ? request : empty.RootElement,
            TransactionJsonReader.ReadAttributes(json.GetProperty("attributes")));
    }

    public JsonElement Json { get; }

    public string Name { get; }

    public LighterChainId ChainId { get; }

    public TxHeader Header { get; }

    public LighterTransaction Transaction { get; }

    public static IEnumerable<string> Names =>
        Document.Value.RootElement.GetProperty("vectors").EnumerateArray().Select(v => v.GetProperty("name").GetString()!);

    public static TheoryData<string> AllNames => new(Names);

    public static TransactionVector Get(string name) => new(
        Document.Value.RootElement.GetProperty("vectors").EnumerateArray()
            .Single(v => v.GetProperty("name").GetString() == name));

    public string Text(string property) => Json.GetProperty(property).GetString()!;

    public string PrivateKeyHex => Keys.Value.RootElement.GetProperty("keys").EnumerateArray()
        .Single(k => k.GetProperty("id").GetString() == Text("key_id"))
        .GetProperty("private_key_hex_input").GetString()!;

    /// <summary>The pre-image as canonical decimals, the vectors' notation.</summary>
    public string[] Preimage()
    {
        Span<ulong> elements = stackalloc ulong[16];
        var length = Transaction.WritePreimage(ChainId, Header, elements);
        return [.. elements[..length].ToArray().Select(e => e.ToString(CultureInfo.InvariantCulture))];
    }
}
