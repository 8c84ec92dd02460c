using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace Lighter.Testing.Tests.Transactions;

/// <summary>
/// Transactions signed by the official lighter-go code (oracle vectors, chain id 304, key k1, account 1) are
/// admitted with the official hash; a changed signature, another chain id, a reused or skipped nonce and an
/// expired transaction are rejected with the exchange's codes.
/// </summary>
public sealed class OfficialVectorAdmissionTests
{
    // ExpiredAt of the vectors is 2026-01-01T00:00:00Z.
    private static readonly DateTimeOffset BeforeExpiry = new(2025, 12, 31, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_officially_signed_order_is_admitted_with_the_official_hash()
    {
        await using var sandbox = await StartAsync(chainId: 304);
        var vector = TxPreimageTests.Vector("create_order_limit_gtt");

        var (status, body) = await SendTxAsync(sandbox, vector);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, body.GetProperty("code").GetInt32());
        Assert.Equal(vector.GetProperty("tx_hash_hex").GetString(), body.GetProperty("tx_hash").GetString());
        Assert.Equal(1, sandbox.GetNextNonce(1, 0));
    }

    [Fact]
    public async Task A_multipart_body_as_lighter_python_sends_it_is_admitted_too()
    {
        await using var sandbox = await StartAsync(chainId: 304);
        var vector = TxPreimageTests.Vector("create_order_limit_gtt");
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        using var form = new MultipartFormDataContent
        {
            { new StringContent("14"), "tx_type" },
            { new StringContent(vector.GetProperty("tx_info").GetString()!), "tx_info" },
        };

        using var response = await http.PostAsync("api/v1/sendTx", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(vector.GetProperty("tx_hash_hex").GetString(),
            JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("tx_hash").GetString());
    }

    [Fact]
    public async Task A_changed_signature_is_rejected_as_invalid_signature()
    {
        await using var sandbox = await StartAsync(chainId: 304);
        var vector = TxPreimageTests.Vector("create_order_limit_gtt");
        var info = vector.GetProperty("tx_info").GetString()!;
        var sig = vector.GetProperty("signature_b64").GetString()!;
        var bytes = Convert.FromBase64String(sig);
        bytes[3] ^= 0x01;

        var (status, body) = await SendTxAsync(sandbox, 14, info.Replace(sig, Convert.ToBase64String(bytes), StringComparison.Ordinal));

        AssertRejected(status, body, 21120, "invalid signature");
        Assert.Equal(0, sandbox.GetNextNonce(1, 0));
    }

    [Fact]
    public async Task A_transaction_signed_for_another_chain_is_rejected_as_invalid_signature()
    {
        await using var sandbox = await StartAsync(chainId: 300);

        var (status, body) = await SendTxAsync(sandbox, TxPreimageTests.Vector("create_order_limit_gtt"));

        AssertRejected(status, body, 21120, "invalid signature");
    }

    [Fact]
    public async Task A_signature_by_another_key_is_rejected_as_invalid_signature()
    {
        await using var sandbox = await StartAsync(chainId: 304, publicKeyHex: Key("k2"));

        var (status, body) = await SendTxAsync(sandbox, TxPreimageTests.Vector("create_order_limit_gtt"));

        AssertRejected(status, body, 21120, "invalid signature");
    }

    [Fact]
    public async Task A_reused_nonce_is_rejected_as_invalid_nonce()
    {
        await using var sandbox = await StartAsync(chainId: 304);
        var vector = TxPreimageTests.Vector("create_order_limit_gtt");
        await SendTxAsync(sandbox, vector);

        var (status, body) = await SendTxAsync(sandbox, vector);

        AssertRejected(status, body, 21104, "invalid nonce");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_nonce_beyond_the_out_of_order_window_is_rejected_as_invalid_nonce(int window)
    {
        await using var sandbox = await StartAsync(chainId: 304, nonceWindow: window);

        // Signed with nonce 2 while the key's next nonce is 0: outside a window of 1 (strict) or 2.
        var (status, body) = await SendTxAsync(sandbox, TxPreimageTests.Vector("cancel_order_by_client_index"));

        AssertRejected(status, body, 21104, "invalid nonce");
    }

    [Fact]
    public async Task An_expired_transaction_is_rejected_before_anything_else_is_checked()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 1, TimeSpan.Zero));
        await using var sandbox = await StartAsync(chainId: 304, clock: clock);

        var (status, body) = await SendTxAsync(sandbox, TxPreimageTests.Vector("create_order_limit_gtt"));

        AssertRejected(status, body, 21501, "invalid tx info: transaction expired");
    }

    [Theory]
    [InlineData("transfer_usdc")]
    [InlineData("grouped_oto")]
    [InlineData("mint_shares")]
    public async Task Transaction_types_the_sandbox_does_not_run_are_refused_as_unsupported(string name)
    {
        await using var sandbox = await StartAsync(chainId: 304);

        var (status, body) = await SendTxAsync(sandbox, TxPreimageTests.Vector(name));

        AssertRejected(status, body, 21505, "unsupported tx type");
    }

    [Fact]
    public async Task An_unknown_api_key_index_is_rejected_as_api_key_not_found()
    {
        await using var sandbox = await StartAsync(chainId: 304, apiKeyIndex: 1);

        var (status, body) = await SendTxAsync(sandbox, TxPreimageTests.Vector("create_order_limit_gtt"));

        AssertRejected(status, body, 21109, "api key not found");
    }

    [Fact]
    public async Task The_official_auth_token_opens_the_private_order_list()
    {
        using var tokens = SharedFiles.ReadJson("signer-vectors", "oracle", "auth_tokens.json");
        var token = tokens.RootElement.GetProperty("vectors")[0];
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(token.GetProperty("deadline_unix_s").GetInt64() - 600));
        await using var sandbox = await StartAsync(chainId: 304, clock: clock);
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        http.DefaultRequestHeaders.TryAddWithoutValidation("authorization", token.GetProperty("token").GetString());

        using var response = await http.GetAsync("api/v1/accountActiveOrders?account_index=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        clock.Advance(TimeSpan.FromMinutes(11));
        using var expired = await http.GetAsync("api/v1/accountActiveOrders?account_index=1");
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
    }

    private static async Task<LighterSandbox> StartAsync(uint chainId, string? publicKeyHex = null, int apiKeyIndex = 0,
        FakeTimeProvider? clock = null, int nonceWindow = LighterSandboxOptions.DefaultNonceWindow)
    {
        var sandbox = await LighterSandbox.StartAsync(new LighterSandboxOptions
        {
            ChainId = chainId,
            NonceWindow = nonceWindow,
            TimeProvider = clock ?? new FakeTimeProvider(BeforeExpiry),
        });
        var account = sandbox.CreateAccount(usdc: 1_000m);
        Assert.Equal(1, account.Index);
        sandbox.RegisterApiKey(account.Index, apiKeyIndex, publicKeyHex ?? Key("k1"));
        return sandbox;
    }

    private static string Key(string id)
    {
        using var keys = SharedFiles.ReadJson("signer-vectors", "oracle", "keys.json");
        return keys.RootElement.GetProperty("keys").EnumerateArray().Single(k => k.GetProperty("id").GetString() == id)
            .GetProperty("public_key_hex").GetString()!;
    }

    private static Task<(HttpStatusCode, JsonElement)> SendTxAsync(LighterSandbox sandbox, JsonElement vector) =>
        SendTxAsync(sandbox, vector.GetProperty("tx_type").GetInt32(), vector.GetProperty("tx_info").GetString()!);

    private static async Task<(HttpStatusCode, JsonElement)> SendTxAsync(LighterSandbox sandbox, int txType, string txInfo)
    {
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["tx_type"] = txType.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["tx_info"] = txInfo,
            ["price_protection"] = "true",
        });
        using var response = await http.PostAsync("api/v1/sendTx", form);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static void AssertRejected(HttpStatusCode status, JsonElement body, int code, string message)
    {
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal((code, message), (body.GetProperty("code").GetInt32(), body.GetProperty("message").GetString()));
    }
}
