using System.Text.Json;
using Lighter.Signing;
using Lighter.Signing.Crypto;
using static Lighter.Cli.Commands.ConformanceRunner;

namespace Lighter.Cli.Commands;

/// <summary>
/// Checks <c>keys.json</c> (key parsing and public keys, seed-derived keys), <c>determinism.json</c> and the
/// official Schnorr test vectors (<c>schnorr.json</c>).
/// </summary>
internal static class ConformanceKeys
{
    public static void Run(JsonElement root, string prefix, ConformanceReport report)
    {
        foreach (var vector in root.Array("keys"))
        {
            report.Vector(prefix + vector.Text("id"), problems =>
            {
                using var key = LighterPrivateKey.Parse(vector.Text("private_key_hex_input"));
                if (!string.Equals(key.ExportHex(), vector.Text("private_key_hex_canonical"), StringComparison.Ordinal))
                {
                    problems.Add("canonical private key differs (value not shown)");
                }

                Expect(problems, "public key", vector.Text("public_key_hex"), key.PublicKey.ToHex());
            });
        }

        if (!root.TryGetProperty("seed_derived_keys", out var seeds))
        {
            return;
        }

        foreach (var vector in seeds.Array("vectors"))
        {
            report.Vector(prefix + "seed_" + vector.Text("seed_hex")[..8], problems =>
            {
                using var key = LighterPrivateKey.FromSeed(Convert.FromHexString(vector.Text("seed_hex")));
                if (!string.Equals(key.ExportHex(), vector.Text("private_key_hex"), StringComparison.Ordinal))
                {
                    problems.Add("seed-derived private key differs (value not shown)");
                }

                Expect(problems, "public key", vector.Text("public_key_hex"), key.PublicKey.ToHex());
            });
        }
    }

    /// <summary>Two official signatures of one hash differ and both verify under one of the known keys.</summary>
    public static void RunDeterminism(JsonElement root, string prefix, ConformanceContext context, ConformanceReport report) =>
        report.Vector(prefix + "random_nonces", problems =>
        {
            var hash = Fp5.FromLittleEndianBytes(Convert.FromHexString(root.Text("message_hash_hex")));
            var sig1 = Convert.FromHexString(root.Text("sig1"));
            var sig2 = Convert.FromHexString(root.Text("sig2"));
            var signer = context.KeyIds.FirstOrDefault(id =>
            {
                using var key = context.PrivateKey(id);
                return Schnorr.Verify(key.PublicKey, hash, sig1) && Schnorr.Verify(key.PublicKey, hash, sig2);
            });
            Expect(problems, "both signatures verify under one known key", root.Bool("both_valid").ToString(),
                (signer is not null).ToString());
            Expect(problems, "signatures identical", root.Bool("identical").ToString(),
                sig1.AsSpan().SequenceEqual(sig2).ToString());
        });

    /// <summary>Fixed-k signatures equal the official (s, e) and verify.</summary>
    public static void RunSchnorr(JsonElement root, string prefix, ConformanceReport report)
    {
        var index = 0;
        foreach (var vector in root.Array("vectors"))
        {
            report.Vector(prefix + index++, problems =>
            {
                using var key = LighterPrivateKey.Parse(vector.Text("sk_hex_le40"));
                var hash = Fp5.FromLittleEndianBytes(Convert.FromHexString(vector.Text("hashed_msg_hex_le40")));
                var signature = new byte[80];
                Schnorr.SignWithFixedNonce(key, hash, vector.Field("k").U64s(), signature);
                Expect(problems, "signature", vector.Text("signature_hex_80"), Convert.ToHexStringLower(signature));
                if (!Schnorr.Verify(key.PublicKey, hash, signature))
                {
                    problems.Add("signature does not verify");
                }
            });
        }
    }
}
