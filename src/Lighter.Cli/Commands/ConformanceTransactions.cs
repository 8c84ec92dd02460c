using System.Globalization;
using System.Text.Json;
using Lighter.Signing;
using Lighter.Signing.Crypto;
using Lighter.Signing.L1;
using Lighter.Signing.Transactions;
using static Lighter.Cli.Commands.ConformanceRunner;

namespace Lighter.Cli.Commands;

/// <summary>Checks <c>transactions.json</c>: every vector rebuilt from its inputs and compared field by field.</summary>
internal static class ConformanceTransactions
{
    public static void Run(JsonElement root, string prefix, ConformanceContext context, ConformanceReport report)
    {
        foreach (var vector in root.Array("vectors"))
        {
            report.Vector(prefix + vector.Text("name"), problems => Check(vector, context, problems));
        }
    }

    /// <summary>Rebuilds a vector's transaction and header from its inputs.</summary>
    public static (LighterTransaction Tx, TxHeader Header, LighterChainId Chain) Build(JsonElement vector)
    {
        var header = new TxHeader(
            vector.I64("account_index"), vector.U8("api_key_index"),
            vector.I64("nonce"), vector.I64("expired_at"));
        var request = vector.Field("request");
        using var empty = JsonDocument.Parse("{}");
        var tx = TransactionJsonReader.Read(
            (TxType)vector.U8("tx_type"),
            request.ValueKind == JsonValueKind.Object ? request : empty.RootElement,
            TransactionJsonReader.ReadAttributes(vector.Field("attributes")));
        return (tx, header, new LighterChainId(vector.U32("chain_id")));
    }

    public static string Hex(in Fp5 value)
    {
        Span<byte> bytes = stackalloc byte[40];
        value.WriteLittleEndianBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    private static void Check(JsonElement vector, ConformanceContext context, List<string> problems)
    {
        var (tx, header, chain) = Build(vector);
        tx.Validate(header);

        Span<ulong> preimage = stackalloc ulong[16];
        var length = tx.WritePreimage(chain, header, preimage);
        Expect(problems, "pre-image", Join(vector.Field("preimage_elems")), Join(preimage[..length]));
        var core = Poseidon2.HashToQuinticExtension(preimage[..length]);
        Expect(problems, "core hash", vector.Text("core_hash_hex"), Hex(core));
        if (vector.TryGetProperty("attrs_preimage", out var attrsPreimage))
        {
            Span<ulong> attributes = stackalloc ulong[8];
            tx.Attributes?.WritePreimage(attributes);
            Expect(problems, "attribute pre-image", Join(attrsPreimage), Join(attributes));
            Expect(problems, "attribute hash", vector.Text("attrs_hash_hex"), Hex(Poseidon2.HashToQuinticExtension(attributes)));
        }

        var hash = tx.Hash(chain, header);
        Expect(problems, "tx hash", vector.Text("tx_hash_hex"), Hex(hash));
        var signature = Convert.FromBase64String(vector.Text("signature_b64"));
        Expect(problems, "tx_info", vector.Text("tx_info"), tx.ToTxInfo(header, signature));

        using var key = context.PrivateKey(vector.Text("key_id"));
        Expect(problems, "public key", vector.Text("public_key_hex"), key.PublicKey.ToHex());
        var fixedK = vector.Field("fixed_k").U64s();
        var fixedSignature = new byte[80];
        Schnorr.SignWithFixedNonce(key, hash, fixedK, fixedSignature);
        Expect(problems, "fixed-k signature", vector.Text("signature_fixed_k_hex"), Convert.ToHexStringLower(fixedSignature));
        var valid = Schnorr.Verify(key.PublicKey, hash, Convert.FromHexString(vector.Text("signature_hex")));
        Expect(problems, "official signature verifies", vector.Bool("signature_valid").ToString(), valid.ToString());

        if (vector.TryGetProperty("l1", out var l1))
        {
            CheckL1(vector, l1, tx, header, chain, signature, problems);
        }
    }

    private static void CheckL1(
        JsonElement vector, JsonElement l1, LighterTransaction tx, TxHeader header, LighterChainId chain,
        byte[] signature, List<string> problems)
    {
        var message = ((IL1SignedTransaction)tx).GetL1Message(chain, header);
        Expect(problems, "L1 message", vector.Text("l1_message_to_sign"), message);
        using var signer = new L1Signer(l1.Text("eth_private_key_hex"));
        Expect(problems, "L1 address", l1.Text("eth_address"), signer.Address);
        var l1Signature = signer.SignMessage(message);
        Expect(problems, "L1 signature", l1.Text("l1_sig"), l1Signature);
        Expect(problems, "tx_info with L1Sig", l1.Text("tx_info_with_l1sig"), tx.ToTxInfo(header, signature, l1Signature));
    }

    private static string Join(JsonElement decimals) => string.Join(",", decimals.EnumerateArray().Select(e => e.GetString()));

    private static string Join(ReadOnlySpan<ulong> elements) =>
        string.Join(",", elements.ToArray().Select(e => e.ToString(CultureInfo.InvariantCulture)));
}
