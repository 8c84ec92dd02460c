using System.Globalization;
using System.Text.Json;
using Lighter.Signing.Auth;
using Lighter.Signing.Crypto;
using static Lighter.Cli.Commands.ConformanceRunner;

namespace Lighter.Cli.Commands;

/// <summary>Checks <c>auth_tokens.json</c>: message, packing, hash, fixed-k token, official token verification.</summary>
internal static class ConformanceAuthTokens
{
    public static void Run(JsonElement root, string prefix, ConformanceContext context, ConformanceReport report)
    {
        foreach (var vector in root.Array("vectors"))
        {
            report.Vector(prefix + vector.Text("message"), problems => Check(vector, context, problems));
        }
    }

    private static void Check(JsonElement vector, ConformanceContext context, List<string> problems)
    {
        var message = AuthTokens.Message(
            vector.I64("deadline_unix_s"), vector.I64("account_index"),
            vector.U8("api_key_index"));
        Expect(problems, "message", vector.Text("message"), message);
        Expect(problems, "packed elements",
            string.Join(",", vector.Array("message_elems").Select(e => e.GetString())),
            string.Join(",", AuthTokens.PackMessage(message).Select(e => e.ToString(CultureInfo.InvariantCulture))));
        var hash = AuthTokens.Hash(message);
        Expect(problems, "message hash", vector.Text("message_hash_hex"), ConformanceTransactions.Hex(hash));

        using var key = context.PrivateKey(vector.Text("key_id"));
        var fixedK = vector.Field("fixed_k").U64s();
        var signature = new byte[80];
        Schnorr.SignWithFixedNonce(key, hash, fixedK, signature);
        Expect(problems, "fixed-k token", vector.Text("token_fixed_k"), message + ":" + Convert.ToHexStringLower(signature));

        var official = vector.Text("token");
        var officialSignature = Convert.FromHexString(official[(official.LastIndexOf(':') + 1)..]);
        Expect(problems, "official token verifies", vector.Bool("token_sig_valid").ToString(),
            Schnorr.Verify(key.PublicKey, hash, officialSignature).ToString());
    }
}
