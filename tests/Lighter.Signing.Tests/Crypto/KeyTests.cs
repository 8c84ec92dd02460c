using Lighter.Signing.Crypto;
using Lighter.Signing.Tests.Vectors;

namespace Lighter.Signing.Tests.Crypto;

public class KeyTests
{
    [Fact]
    public void Oracle_keys_give_the_official_canonical_key_and_public_key()
    {
        using var doc = VectorFiles.Load("oracle/keys.json");
        var count = 0;
        foreach (var v in doc.RootElement.GetProperty("keys").EnumerateArray())
        {
            using var key = LighterPrivateKey.Parse(v.GetProperty("private_key_hex_input").GetString()!);
            Assert.Equal(v.GetProperty("private_key_hex_canonical").GetString(), key.ExportHex());
            Assert.Equal(v.GetProperty("public_key_hex").GetString(), key.PublicKey.ToHex());
            Assert.Equal(Fp5Tests.Element(v.GetProperty("public_key_fp5")), key.PublicKey.Value);
            Assert.Equal(key.PublicKey, LighterPublicKey.Parse(v.GetProperty("public_key_hex").GetString()!));
            count++;
        }

        Assert.Equal(6, count);
    }

    [Fact]
    public void Seed_derived_keys_match_web_wasm()
    {
        using var doc = VectorFiles.Load("oracle/keys.json");
        var vectors = doc.RootElement.GetProperty("seed_derived_keys").GetProperty("vectors");
        Assert.Equal(3, vectors.GetArrayLength());
        foreach (var v in vectors.EnumerateArray())
        {
            using var key = LighterPrivateKey.FromSeed(v.GetProperty("seed_hex").Hex());
            Assert.Equal(v.GetProperty("private_key_hex").GetString(), key.ExportHex());
            Assert.Equal(v.GetProperty("public_key_hex").GetString(), key.PublicKey.ToHex());
        }
    }

    [Fact]
    public void Generated_keys_have_the_official_format_and_round_trip()
    {
        using var doc = VectorFiles.Load("oracle/keys.json");
        var sample = doc.RootElement.GetProperty("generate_api_key_format_sample");
        using var sampleKey = LighterPrivateKey.Parse(sample.GetProperty("privateKey").GetString()!);
        Assert.Equal("0x" + sampleKey.PublicKey.ToHex(), sample.GetProperty("publicKey").GetString());

        using var key = LighterPrivateKey.Generate();
        var hex = key.ExportHex();
        Assert.Matches("^[0-9a-f]{80}$", hex);
        Assert.True(Scalar.TryFromCanonicalBytes(Convert.FromHexString(hex), out _));
        using var again = LighterPrivateKey.Parse("0x" + hex);
        Assert.Equal(key.PublicKey, again.PublicKey);
        Assert.Equal(key.PublicKey, LighterPublicKey.Parse(key.PublicKey.ToString()));
        Assert.Equal(key.PublicKey.ToArray(), Convert.FromHexString(key.PublicKey.ToHex()));
    }

    [Theory]
    [InlineData(null, "missing")]
    [InlineData("", "80 hex digits")]
    [InlineData("0x1234", "80 hex digits")]
    [InlineData("zz02030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728", "not hex")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000000000000000000000", "80 hex digits")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000000000000000000", "80 hex digits")]
    [InlineData("00000000000000000000000000000000000000000000000000000000000000000000000000000000", "zero")]
    [InlineData("e1ff8b9496d90fe89ca024d7395c88e83906b8cfe6ffff7f16000000f1ffff7f07000080fdffff7f", "zero")] // n
    public void Bad_private_keys_are_rejected_naming_the_field(string? hex, string reason)
    {
        var ex = Assert.Throws<LighterSigningException>(() => LighterPrivateKey.Parse(hex!));
        Assert.Equal("privateKey", ex.Field);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_public_keys_are_rejected_naming_the_field()
    {
        using var doc = VectorFiles.Load("ecgfp5_curve.json");
        var invalid = doc.RootElement.GetProperty("vectors").EnumerateArray()
            .Single(v => v.TryGetProperty("invalid_encodings", out _)).GetProperty("invalid_encodings")[0];
        var bytes = new byte[40];
        Fp5Tests.Element(invalid).WriteLittleEndianBytes(bytes);
        var ex = Assert.Throws<LighterSigningException>(() => LighterPublicKey.Parse(Convert.ToHexString(bytes)));
        Assert.Equal("publicKey", ex.Field);
        Assert.Throws<LighterSigningException>(() => LighterPublicKey.Parse(new string('f', 80))); // limbs ≥ p
        Assert.Throws<LighterSigningException>(() => LighterPublicKey.Parse("04"));
        Assert.False(LighterPublicKey.TryParse(null, out _));
        Assert.Throws<LighterSigningException>(() => LighterPrivateKey.FromSeed(new byte[31]));
    }

    [Fact]
    public void Secrets_never_appear_in_ToString_or_exception_messages()
    {
        const string Secret = "4980df1a5a76cba9fef4d80446e951108e16a5b21f497976475c950bd2588c5a58771d5b06498d28";
        using var key = LighterPrivateKey.Parse(Secret);
        var text = key.ToString();
        Assert.DoesNotContain(Secret[..16], text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(key.PublicKey.ToHex(), text, StringComparison.Ordinal);

        string[] badInputs = [Secret + "00", Secret[..78], "0x" + Secret[..70] + "zzzzzzzzzz", Secret.Replace('a', 'g')];
        foreach (var bad in badInputs)
        {
            var ex = Assert.Throws<LighterSigningException>(() => LighterPrivateKey.Parse(bad));
            Assert.DoesNotContain(Secret[..16], ex.ToString(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(bad[..16], ex.Message, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Dispose_zeroes_the_key_and_blocks_later_use()
    {
        var key = LighterPrivateKey.Generate();
        var publicKey = key.PublicKey;
        var buffer = (byte[])typeof(LighterPrivateKey)
            .GetField("_secret", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!
            .GetValue(key)!;
        Assert.Contains(buffer, b => b != 0);
        key.Dispose();
        Assert.All(buffer, b => Assert.Equal(0, b));
        key.Dispose();
        Assert.Throws<ObjectDisposedException>(() => key.ExportHex());
        Assert.Throws<ObjectDisposedException>(() => key.PublicKey);
        Assert.Throws<ObjectDisposedException>(() => Schnorr.Sign(key, Fp5.One, new byte[80]));
        Assert.DoesNotContain(publicKey.ToHex(), key.ToString(), StringComparison.Ordinal);
    }
}
