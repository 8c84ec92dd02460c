using Lighter.Signing.Crypto;

namespace Lighter.Signing.Tests.Keys;

/// <summary>
/// The neutral point (encoding 0, 40 zero bytes) is <c>0·G</c>: a "signature" with <c>s = k</c> and no secret verifies
/// against it. It must be refused as a public key everywhere a key enters (issue 16, item 2).
/// </summary>
public class NeutralPublicKeyTests
{
    private static readonly Fp5 Message = new(11, 22, 33, 44, 55);

    [Fact]
    public void FromBytes_refuses_the_all_zero_key_naming_the_field()
    {
        var ex = Assert.Throws<LighterSigningException>(() => LighterPublicKey.FromBytes(new byte[40]));
        Assert.Equal("publicKey", ex.Field);
        Assert.Contains("neutral", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00000000000000000000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0x00000000000000000000000000000000000000000000000000000000000000000000000000000000")]
    public void Parse_and_TryParse_refuse_the_all_zero_key(string hex)
    {
        Assert.Equal("publicKey", Assert.Throws<LighterSigningException>(() => LighterPublicKey.Parse(hex)).Field);
        Assert.False(LighterPublicKey.TryParse(hex, out _));
    }

    [Fact]
    public void A_secret_free_signature_does_not_verify_against_the_neutral_key()
    {
        var signature = SecretFreeSignature(Message);

        // Several times: the first call misses the per-thread key cache, later calls would hit it.
        for (var i = 0; i < 3; i++)
        {
            Assert.False(Schnorr.Verify(default, Message, signature));
        }
    }

    [Fact]
    public void The_secret_free_signature_is_well_formed_so_the_refusal_is_about_the_key()
    {
        // Same construction, but with a real key: s = k - e·sk verifies, so the test above is not vacuous.
        using var key = LighterPrivateKey.Generate();
        var k = Scalar.FromLimbsReduced(5, 6, 7, 8, 9);
        var r = GeneratorTable.Multiply(k).Encode();
        var e = Schnorr.Challenge(r, Message);
        var s = k - (e * key.GetScalar());
        var signature = new byte[80];
        s.WriteLittleEndianBytes(signature);
        e.WriteLittleEndianBytes(signature.AsSpan(40));

        Assert.True(Schnorr.Verify(key.PublicKey, Message, signature));
    }

    [Fact]
    public void Real_keys_still_parse_and_verify()
    {
        using var key = LighterPrivateKey.Generate();
        var signature = new byte[80];
        Schnorr.Sign(key, Message, signature);

        var parsed = LighterPublicKey.Parse(key.PublicKey.ToHex());

        Assert.True(Schnorr.Verify(parsed, Message, signature));
    }

    /// <summary>s = k, e = H(Encode(k·G) ‖ m): what anyone can produce for the key 0·G.</summary>
    internal static byte[] SecretFreeSignature(in Fp5 message)
    {
        var k = Scalar.FromLimbsReduced(12345, 678, 9, 10, 11);
        var r = GeneratorTable.Multiply(k).Encode();
        var e = Schnorr.Challenge(r, message);
        var signature = new byte[80];
        k.WriteLittleEndianBytes(signature);
        e.WriteLittleEndianBytes(signature.AsSpan(40));
        return signature;
    }
}
