using System.Text.Json;
using System.Text.Json.Serialization;
using Lighter.Client.Auth;
using Lighter.Client.Serialization;
using Lighter.Signing.Transactions;
using Lighter.Client.Trading;
using Lighter.Signing;
using Lighter.Signing.L1;
using Microsoft.Extensions.Time.Testing;

namespace Lighter.Client.Tests.Configuration;

/// <summary>
/// Issue 16, item 1: every public type in src/ that holds an API private key, an L1 key or an auth token is
/// serialized with System.Text.Json (default options, options that also include fields, and a source-generated
/// context) and the secret text must not appear. Types found by grepping src/ for PrivateKey, Secret, Token,
/// LighterPrivateKey, L1Signer, EthECKey: <see cref="LighterClientOptions"/>, both AuthToken types,
/// <see cref="LighterPrivateKey"/>, <see cref="LighterSigner"/>, <see cref="L1Signer"/>,
/// <see cref="ManagedTransactionSigner"/>, <see cref="AuthTokenCache"/>. (The generated wire models that carry a
/// token, e.g. <c>RespPostApiToken.ApiToken</c> and the WebSocket subscribe frame's <c>auth</c>, must serialize it:
/// that is the wire format.)
/// </summary>
public sealed class SecretSerializationTests
{
    private const string ApiKeyHex = "1111111111111111111111111111111111111111111111111111111111111111111111111111111a";
    private const string L1KeyHex = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

    private static readonly JsonSerializerOptions WithFields = new() { IncludeFields = true, WriteIndented = true };

    public static TheoryData<string> Holders => new(SecretHolders().Select(h => h.Name));

    [Theory]
    [MemberData(nameof(Holders))]
    public void Default_options_never_write_the_secret(string name)
    {
        var (_, value, secrets) = SecretHolders().Single(h => h.Name == name);

        AssertNoSecret(JsonSerializer.Serialize(value, value.GetType()), secrets);
        AssertNoSecret(JsonSerializer.Serialize(value, value.GetType(), WithFields), secrets);
    }

    [Theory]
    [MemberData(nameof(Holders))]
    public void Source_generated_metadata_never_writes_the_secret(string name)
    {
        var (_, value, secrets) = SecretHolders().Single(h => h.Name == name);

        AssertNoSecret(JsonSerializer.Serialize(value, value.GetType(), SecretHolderJsonContext.Default), secrets);
    }

    [Theory]
    [MemberData(nameof(Holders))]
    public void The_library_contexts_do_not_know_secret_holders(string name)
    {
        var type = SecretHolders().Single(h => h.Name == name).Value.GetType();

        Assert.Null(LighterJsonContext.Default.GetTypeInfo(type));
    }

    [Fact]
    public void Options_show_that_a_key_is_set_without_showing_it_and_null_stays_null()
    {
        var json = JsonSerializer.Serialize(new LighterClientOptions { PrivateKey = ApiKeyHex });
        var none = JsonSerializer.Serialize(new LighterClientOptions());

        Assert.Contains("\"PrivateKey\":\"\\u003Credacted\\u003E\"", json, StringComparison.Ordinal);
        Assert.Contains("\"PrivateKey\":null", none, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_still_read_a_real_key_from_json_but_refuse_the_redaction_marker()
    {
        var read = JsonSerializer.Deserialize<LighterClientOptions>($$"""{"PrivateKey":"{{ApiKeyHex}}","AccountIndex":3}""");
        var redacted = JsonSerializer.Serialize(new LighterClientOptions { PrivateKey = ApiKeyHex });

        Assert.Equal(ApiKeyHex, read!.PrivateKey);
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<LighterClientOptions>(redacted));
        Assert.Contains("PrivateKey", ex.Path, StringComparison.Ordinal);
    }

    private static void AssertNoSecret(string json, IReadOnlyList<string> secrets)
    {
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, json, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static IEnumerable<(string Name, object Value, IReadOnlyList<string> Secrets)> SecretHolders()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        var key = LighterPrivateKey.Parse(ApiKeyHex);
        var signer = new LighterSigner(key, LighterChainId.Testnet, 7, 3, clock);
        var signingToken = signer.CreateAuthToken(clock.GetUtcNow().AddHours(1));
        var l1 = new L1Signer(L1KeyHex);
        var cache = new AuthTokenCache(7, 3, _ => signingToken.Value, clock, TimeSpan.FromHours(1), TimeSpan.FromMinutes(2));
        _ = cache.GetToken();
        string[] keySecrets = [ApiKeyHex, Convert.ToBase64String(Convert.FromHexString(ApiKeyHex))];

        yield return (nameof(LighterClientOptions), new LighterClientOptions { PrivateKey = "0x" + ApiKeyHex, AccountIndex = 7 }, keySecrets);
        yield return ("Signing.AuthToken", signingToken, [signingToken.Value, signingToken.Value.Split(':')[^1]]);
        yield return (nameof(LighterPrivateKey), key, keySecrets);
        yield return (nameof(LighterSigner), signer, keySecrets);
        yield return (nameof(L1Signer), l1, [L1KeyHex]);
        yield return (nameof(ManagedTransactionSigner), new ManagedTransactionSigner(signer, l1), [.. keySecrets, L1KeyHex]);
        yield return (nameof(AuthTokenCache), cache, [signingToken.Value]);
    }
}

/// <summary>Source-generated metadata for the secret holders, as an application's own context would have.</summary>
[JsonSerializable(typeof(LighterClientOptions))]
[JsonSerializable(typeof(Lighter.Signing.Auth.AuthToken), TypeInfoPropertyName = "SigningAuthToken")]
[JsonSerializable(typeof(LighterPrivateKey))]
[JsonSerializable(typeof(LighterSigner))]
[JsonSerializable(typeof(L1Signer))]
[JsonSerializable(typeof(ManagedTransactionSigner))]
[JsonSerializable(typeof(AuthTokenCache))]
internal sealed partial class SecretHolderJsonContext : JsonSerializerContext;
