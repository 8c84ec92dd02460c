using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Lighter.Signing;

namespace Lighter.Testing.Tests.Wire;

public sealed class RestShapeTests : IAsyncLifetime
{
    private LighterSandbox _sandbox = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await LighterSandbox.StartAsync();
        _http = new HttpClient { BaseAddress = _sandbox.BaseUri };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task Starts_on_a_free_loopback_port_in_well_under_a_second()
    {
        var clock = Stopwatch.StartNew();
        await using var other = await LighterSandbox.StartAsync();
        clock.Stop();

        Assert.Equal("127.0.0.1", other.BaseUri.Host);
        Assert.NotEqual(_sandbox.BaseUri.Port, other.BaseUri.Port);
        Assert.Equal($"ws://127.0.0.1:{other.BaseUri.Port}/stream", other.WebSocketUri.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"started in {clock.Elapsed}");
    }

    [Fact]
    public async Task Order_book_details_carry_the_market_precision()
    {
        var body = await GetAsync("api/v1/orderBookDetails?market_id=0");

        var eth = Assert.Single(body.GetProperty("order_book_details").EnumerateArray());
        Assert.Equal(200, body.GetProperty("code").GetInt32());
        Assert.Equal(("ETH", 0, 4, 2), (eth.GetProperty("symbol").GetString(), eth.GetProperty("market_id").GetInt32(),
            eth.GetProperty("size_decimals").GetInt32(), eth.GetProperty("price_decimals").GetInt32()));
        Assert.Equal("0.0050", eth.GetProperty("min_base_amount").GetString());
        Assert.Empty(body.GetProperty("spot_order_book_details").EnumerateArray());
    }

    [Fact]
    public async Task Order_books_lists_every_market_by_default()
    {
        var body = await GetAsync("api/v1/orderBooks");

        Assert.Equal(["ETH", "BTC"], body.GetProperty("order_books").EnumerateArray().Select(b => b.GetProperty("symbol").GetString()));
    }

    [Fact]
    public async Task An_account_is_served_with_its_collateral_and_sub_accounts_by_l1_address()
    {
        var account = _sandbox.CreateAccount(usdc: 2500m);

        var body = await GetAsync($"api/v1/account?by=index&value={account.Index}");
        var byAddress = await GetAsync($"api/v1/accountsByL1Address?l1_address={account.L1Address}");

        var detailed = Assert.Single(body.GetProperty("accounts").EnumerateArray());
        Assert.Equal(account.Index, detailed.GetProperty("index").GetInt64());
        Assert.Equal("2500.000000", detailed.GetProperty("collateral").GetString());
        Assert.Equal("2500.000000", detailed.GetProperty("available_balance").GetString());
        Assert.Empty(detailed.GetProperty("positions").EnumerateArray());
        Assert.Equal(account.Index, Assert.Single(byAddress.GetProperty("sub_accounts").EnumerateArray()).GetProperty("index").GetInt64());
    }

    [Fact]
    public async Task A_registered_key_starts_at_nonce_zero_and_is_listed()
    {
        var account = _sandbox.CreateAccount();
        using var key = LighterPrivateKey.Generate();
        _sandbox.RegisterApiKey(account.Index, 3, key.PublicKey);

        var nonce = await GetAsync($"api/v1/nextNonce?account_index={account.Index}&api_key_index=3");
        var keys = await GetAsync($"api/v1/apikeys?account_index={account.Index}");

        Assert.Equal(0, nonce.GetProperty("nonce").GetInt64());
        var listed = Assert.Single(keys.GetProperty("api_keys").EnumerateArray());
        Assert.Equal((3, key.PublicKey.ToHex()), (listed.GetProperty("api_key_index").GetInt32(), listed.GetProperty("public_key").GetString()));
    }

    [Theory]
    [InlineData("api/v1/account?by=index&value=424242", 21100, "account not found")]
    [InlineData("api/v1/nextNonce?account_index=1&api_key_index=9", 21100, "account not found")]
    [InlineData("api/v1/orderBookOrders?market_id=77&limit=10", 21602, "invalid market index")]
    [InlineData("api/v1/tx?by=hash&value=00ff", 21500, "transaction not found")]
    [InlineData("api/v1/recentTrades?market_id=0", 20001, "invalid param: limit")]
    public async Task Errors_are_http_400_with_the_exchange_result_code(string path, int code, string message)
    {
        using var response = await _http.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((code, message), (body.GetProperty("code").GetInt32(), body.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Private_order_lists_need_an_auth_token()
    {
        var account = _sandbox.CreateAccount();

        using var response = await _http.GetAsync($"api/v1/accountActiveOrders?account_index={account.Index}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(SandboxErrorCodes.InvalidAuth, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task The_empty_chain_has_height_zero()
    {
        var body = await GetAsync("api/v1/currentHeight");

        Assert.Equal(0, body.GetProperty("height").GetInt64());
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
