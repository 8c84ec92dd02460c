using System.Globalization;
using Lighter.Signing.Auth;
using Lighter.Signing.Crypto;
using Lighter.Signing.Tests.Vectors;
using Microsoft.Extensions.Time.Testing;

namespace Lighter.Signing.Tests.Auth;

/// <summary>Auth tokens against every vector of auth_tokens.json, and the deadline rules.</summary>
public class AuthTokenTests
{
    public static TheoryData<int> Indexes => [0, 1, 2, 3];

    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_vector_file_has_four_tokens()
    {
        using var doc = VectorFiles.Load("oracle/auth_tokens.json");
        Assert.Equal(Indexes.Count, doc.RootElement.GetProperty("vectors").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public void Message_packing_hash_fixed_k_token_and_official_token_match(int index)
    {
        using var doc = VectorFiles.Load("oracle/auth_tokens.json");
        var v = doc.RootElement.GetProperty("vectors")[index];
        var message = AuthTokens.Message(v.GetProperty("deadline_unix_s").GetInt64(), v.GetProperty("account_index").GetInt64(),
            v.GetProperty("api_key_index").GetByte());
        Assert.Equal(v.GetProperty("message").GetString(), message);
        Assert.Equal(v.GetProperty("message_elems").U64Array(), AuthTokens.PackMessage(message));
        var hash = AuthTokens.Hash(message);
        Span<byte> hashBytes = stackalloc byte[40];
        hash.WriteLittleEndianBytes(hashBytes);
        Assert.Equal(v.GetProperty("message_hash_hex").GetString(), Convert.ToHexStringLower(hashBytes));

        using var key = LighterPrivateKey.Parse(KeyHex(v.GetProperty("key_id").GetString()!));
        var signature = new byte[80];
        Schnorr.SignWithFixedNonce(key, hash, v.GetProperty("fixed_k").U64Array(), signature);
        Assert.Equal(v.GetProperty("token_fixed_k").GetString(), message + ":" + Convert.ToHexStringLower(signature));

        var token = v.GetProperty("token").GetString()!;
        Assert.True(Schnorr.Verify(key.PublicKey, hash, Convert.FromHexString(token[(token.LastIndexOf(':') + 1)..])));
    }

    [Fact]
    public void Default_deadline_is_seven_hours_and_the_token_verifies()
    {
        using var key = LighterPrivateKey.Parse(KeyHex("k2"));
        var token = AuthTokens.Create(key, 12345, 3, timeProvider: new FakeTimeProvider(Now));
        Assert.Equal(Now.AddHours(7), token.Deadline);
        var parts = token.Value.Split(':');
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{Now.AddHours(7).ToUnixTimeSeconds()}"), parts[0]);
        Assert.Equal(["12345", "3"], parts[1..3]);
        Assert.True(Schnorr.Verify(key.PublicKey, AuthTokens.Hash(string.Join(':', parts[..3])), Convert.FromHexString(parts[3])));
    }

    [Fact]
    public void Deadlines_more_than_eight_hours_ahead_or_in_the_past_are_refused()
    {
        using var key = LighterPrivateKey.Parse(KeyHex("k1"));
        var clock = new FakeTimeProvider(Now);
        Assert.NotNull(AuthTokens.Create(key, 1, 0, Now.AddHours(8), clock));
        Assert.Equal("deadline", Assert.Throws<LighterSigningException>(() => AuthTokens.Create(key, 1, 0, Now.AddHours(8).AddSeconds(1), clock)).Field);
        Assert.Equal("deadline", Assert.Throws<LighterSigningException>(() => AuthTokens.Create(key, 1, 0, Now, clock)).Field);
    }

    [Fact]
    public void Token_to_string_never_contains_the_token()
    {
        using var key = LighterPrivateKey.Parse(KeyHex("k1"));
        var token = AuthTokens.Create(key, 1, 0, timeProvider: new FakeTimeProvider(Now));
        Assert.DoesNotContain(token.Value, token.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(token.Value.Split(':')[3], token.ToString(), StringComparison.Ordinal);
    }

    internal static string KeyHex(string id)
    {
        using var doc = VectorFiles.Load("oracle/keys.json");
        return doc.RootElement.GetProperty("keys").EnumerateArray()
            .Single(k => k.GetProperty("id").GetString() == id).GetProperty("private_key_hex_input").GetString()!;
    }
}
