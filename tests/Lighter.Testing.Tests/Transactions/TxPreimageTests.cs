using System.Text.Json;
using Lighter.Testing.Transactions;

namespace Lighter.Testing.Tests.Transactions;

/// <summary>
/// The sandbox decodes tx_info on its own and lays the fields out for hashing from the protocol description;
/// the official oracle vectors (lighter-go) give the expected pre-images.
/// </summary>
public class TxPreimageTests
{
    public static TheoryData<string> VectorNames()
    {
        using var doc = SharedFiles.ReadJson("signer-vectors", "oracle", "transactions.json");
        var names = new TheoryData<string>();
        foreach (var v in doc.RootElement.GetProperty("vectors").EnumerateArray())
        {
            // Grouped orders hash each order separately and are not executed by the sandbox.
            if (v.GetProperty("tx_type").GetInt32() != 28)
            {
                names.Add(v.GetProperty("name").GetString()!);
            }
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Core_preimage_equals_the_official_one(string name)
    {
        var vector = Vector(name);
        var tx = DecodedTx.Parse(vector.GetProperty("tx_type").GetInt32(), vector.GetProperty("tx_info").GetString()!);
        var expected = vector.GetProperty("preimage_elems").EnumerateArray().Select(e => ulong.Parse(e.GetString()!)).ToArray();

        Assert.Equal(expected, tx.CorePreimage(vector.GetProperty("chain_id").GetUInt32()));
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void Attribute_preimage_equals_the_official_one(string name)
    {
        var vector = Vector(name);
        var tx = DecodedTx.Parse(vector.GetProperty("tx_type").GetInt32(), vector.GetProperty("tx_info").GetString()!);
        var expected = vector.TryGetProperty("attrs_preimage", out var attrs) && attrs.ValueKind == JsonValueKind.Array
            ? attrs.EnumerateArray().Select(e => ulong.Parse(e.GetString()!)).ToArray()
            : null;

        Assert.Equal(expected, tx.AttributePreimage());
    }

    [Fact]
    public void Reads_account_key_nonce_and_expiry_of_a_transfer()
    {
        var tx = DecodedTx.Parse(12, Vector("transfer_usdc").GetProperty("tx_info").GetString()!);

        Assert.Equal((1L, 0, 6L, 1767225600000L), (tx.AccountIndex, tx.ApiKeyIndex, tx.Nonce, tx.ExpiredAt));
        Assert.Equal(80, tx.Signature.Length);
    }

    [Theory]
    [InlineData(14, "not json", 21501)]
    [InlineData(14, "[]", 21501)]
    [InlineData(14, "{\"AccountIndex\":1}", 21501)]
    [InlineData(28, "{}", 21505)]
    [InlineData(99, "{}", 21505)]
    public void Malformed_or_unknown_transactions_are_rejected_with_the_exchange_code(int txType, string txInfo, int code)
    {
        var error = Assert.Throws<ExchangeException>(() => DecodedTx.Parse(txType, txInfo));

        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void A_signature_that_is_not_80_bytes_is_invalid_tx_info()
    {
        var info = Vector("create_order_limit_gtt").GetProperty("tx_info").GetString()!;
        var shortSig = System.Text.RegularExpressions.Regex.Replace(info, "\"Sig\":\"[^\"]+\"", "\"Sig\":\"AAAA\"");

        var error = Assert.Throws<ExchangeException>(() => DecodedTx.Parse(14, shortSig));

        Assert.Equal(SandboxErrorCodes.InvalidTxInfo, error.Code);
        Assert.Contains("Sig", error.Message, StringComparison.Ordinal);
    }

    internal static JsonElement Vector(string name)
    {
        using var doc = SharedFiles.ReadJson("signer-vectors", "oracle", "transactions.json");
        return doc.RootElement.GetProperty("vectors").EnumerateArray().Single(v => v.GetProperty("name").GetString() == name).Clone();
    }
}
