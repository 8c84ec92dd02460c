using Lighter.Signing.Primitives;
using System.Text.Json;
using Lighter.Signing.Crypto;
using Lighter.Signing.Tests.Vectors;

namespace Lighter.Signing.Tests.Crypto;

public class SchnorrTests
{
    [Fact]
    public void Fixed_nonce_signatures_equal_the_official_ones_and_verify()
    {
        using var doc = VectorFiles.Load("schnorr.json");
        var count = 0;
        foreach (var v in doc.RootElement.GetProperty("vectors").EnumerateArray())
        {
            using var key = LighterPrivateKey.Parse(v.GetProperty("sk_hex_le40").GetString()!);
            var sk = v.GetProperty("sk").U64Array();
            Assert.Equal(sk, Enumerable.Range(0, 5).Select(i => BitConverter.ToUInt64(VectorFiles.FromHex(key.ExportHex()), i * 8)));
            var message = Fp5.FromLittleEndianBytes(v.GetProperty("hashed_msg_hex_le40").Hex());
            Assert.Equal(Fp5Tests.Element(v.GetProperty("hashed_msg_fp5")), message);

            var signature = new byte[80];
            Schnorr.SignWithFixedNonce(key, message, v.GetProperty("k").U64Array(), signature);
            Assert.Equal(v.GetProperty("signature_hex_80").GetString(), Convert.ToHexStringLower(signature));
            var s = v.GetProperty("s").U64Array();
            var e = v.GetProperty("e").U64Array();
            Assert.Equal(s.Concat(e), Enumerable.Range(0, 10).Select(i => BitConverter.ToUInt64(signature, i * 8)));
            Assert.True(Schnorr.Verify(key.PublicKey, message, signature));
            count++;
        }

        Assert.Equal(3, count);
    }

    [Fact]
    public void Both_official_random_signatures_of_the_determinism_vector_verify()
    {
        using var determinism = VectorFiles.Load("oracle/determinism.json");
        using var keys = VectorFiles.Load("oracle/keys.json");
        var root = determinism.RootElement;
        var message = Fp5.FromLittleEndianBytes(root.GetProperty("message_hash_hex").Hex());
        var sig1 = root.GetProperty("sig1").Hex();
        var sig2 = root.GetProperty("sig2").Hex();
        Assert.True(root.GetProperty("both_valid").GetBoolean());
        Assert.False(root.GetProperty("identical").GetBoolean());
        Assert.NotEqual(sig1, sig2);

        // The file does not name the signer: exactly one of the oracle keys must accept both signatures.
        var signers = keys.RootElement.GetProperty("keys").EnumerateArray()
            .Select(k => LighterPublicKey.Parse(k.GetProperty("public_key_hex").GetString()!))
            .Where(pk => Schnorr.Verify(pk, message, sig1) && Schnorr.Verify(pk, message, sig2))
            .ToList();
        Assert.Single(signers);
    }

    [Fact]
    public void Hedged_signatures_are_randomised_and_verify()
    {
        using var key = LighterPrivateKey.Generate();
        var message = new Fp5(1, 2, 3, 4, 5);
        var a = new byte[80];
        var b = new byte[80];
        Schnorr.Sign(key, message, a);
        Schnorr.Sign(key, message, b);
        Assert.NotEqual(a, b);
        Assert.True(Schnorr.Verify(key.PublicKey, message, a));
        Assert.True(Schnorr.Verify(key.PublicKey, message, b));
    }

    [Fact]
    public void Random_keys_and_messages_round_trip_and_tampering_is_rejected()
    {
        var rng = new Random(42);
        using var other = LighterPrivateKey.Generate();
        for (var i = 0; i < 25; i++)
        {
            using var key = LighterPrivateKey.Generate();
            var message = Fp5Tests.Random(rng);
            var signature = new byte[80];
            Schnorr.Sign(key, message, signature);
            Assert.True(Schnorr.Verify(key.PublicKey, message, signature));

            var tampered = (byte[])signature.Clone();
            tampered[rng.Next(80)] ^= (byte)(1 << rng.Next(8));
            Assert.False(Schnorr.Verify(key.PublicKey, message, tampered));
            Assert.False(Schnorr.Verify(key.PublicKey, message + Fp5.One, signature));
            Assert.False(Schnorr.Verify(other.PublicKey, message, signature));
        }
    }

    [Fact]
    public void Non_canonical_s_and_e_encodings_are_read_mod_n_as_the_official_verifier()
    {
        using var key = LighterPrivateKey.Generate();
        var message = new Fp5(9, 8, 7, 6, 5);
        var signature = new byte[80];
        Schnorr.Sign(key, message, signature);

        // s + n still fits in 320 bits (s < n < 2^319) and denotes the same scalar.
        var s = Scalar.FromLittleEndianBytesReduced(signature.AsSpan(0, 40));
        Scalar.AddRaw(s, new Scalar(Scalar.N0, Scalar.N1, Scalar.N2, Scalar.N3, Scalar.N4), out var sPlusN);
        var altered = (byte[])signature.Clone();
        sPlusN.WriteLittleEndianBytes(altered);
        Assert.NotEqual(signature, altered);
        Assert.True(Schnorr.Verify(key.PublicKey, message, altered));
    }

    [Fact]
    public void Commitment_pool_signatures_verify_and_each_commitment_is_used_once()
    {
        using var key = LighterPrivateKey.Generate();
        using var pool = new SchnorrCommitmentPool(key, capacity: 8, backgroundRefill: false);
        pool.Fill();
        Assert.Equal(8, pool.Count);
        var message = new Fp5(5, 5, 5, 5, 5);
        var seen = new HashSet<string>();
        for (var i = 0; i < 10; i++) // the last two fall back to hedged nonces
        {
            var signature = new byte[80];
            Schnorr.Sign(key, message, signature, pool);
            Assert.True(Schnorr.Verify(key.PublicKey, message, signature));
            Assert.True(seen.Add(Convert.ToHexString(signature)));
        }

        Assert.Equal(0, pool.Count);
        using var stranger = LighterPrivateKey.Generate();
        var ex = Assert.Throws<LighterSigningException>(() => Schnorr.Sign(stranger, message, new byte[80], pool));
        Assert.Equal("pool", ex.Field);
    }

    [Fact]
    public async Task Background_refill_fills_the_pool_and_serves_concurrent_signers()
    {
        using var key = LighterPrivateKey.Generate();
        using var pool = new SchnorrCommitmentPool(key, capacity: 16);
        var message = new Fp5(7, 0, 0, 0, 1);
        var signatures = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var list = new List<byte[]>();
            for (var i = 0; i < 20; i++)
            {
                var signature = new byte[80];
                Schnorr.Sign(key, message, signature, pool);
                list.Add(signature);
            }

            return list;
        })));
        var all = signatures.SelectMany(x => x).ToList();
        Assert.All(all, s => Assert.True(Schnorr.Verify(key.PublicKey, message, s)));
        Assert.Equal(all.Count, all.Select(Convert.ToHexString).Distinct().Count());
    }

    [Fact]
    public void Wrong_signature_lengths_are_rejected_with_the_field_name()
    {
        using var key = LighterPrivateKey.Generate();
        var ex = Assert.Throws<LighterSigningException>(() => Schnorr.Verify(key.PublicKey, Fp5.One, new byte[79]));
        Assert.Equal("signature80", ex.Field);
        Assert.Throws<LighterSigningException>(() => Schnorr.Sign(key, Fp5.One, new byte[40]));
    }
}
