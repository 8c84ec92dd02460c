using System.Globalization;
using System.Text.Json;
using System.Web;
using Lighter.Client.Tests.Support;
using Lighter.Signing;
using Lighter.Signing.Transactions;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Lighter.Client.Tests.Trading;

public sealed class TradingTests : IDisposable
{
    private readonly WireMockServer _server = LoopbackServer.Start();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_767_254_400_000));
    private readonly LighterClient _client;
    private readonly UnsignedTestSigner _signer = new(300, 7, 3);
    private readonly List<string> _forms = [];

    public TradingTests()
    {
        _server.Given(Request.Create().WithPath("/api/v1/nextNonce")).RespondWith(Json("""{"code":200,"nonce":100}"""));
        _server.Given(Request.Create().WithPath("/api/v1/orderBookDetails")).RespondWith(Json(
            OrderBookDetailsJson.Of(new OrderBookDetailsJson.Market(0, "ETH", SizeDecimals: 4, PriceDecimals: 2, MinBase: 0.005m, MinQuote: 10m))));
        _server.Given(Request.Create().WithPath("/api/v1/sendTx").UsingPost()).RespondWith(Response.Create().WithCallback(request =>
        {
            lock (_forms) _forms.Add(request.Body!);
            return ((Response)Json("""{"code":200,"tx_hash":"h","predicted_execution_time_ms":1,"volume_quota_remaining":1}""")).ResponseMessage;
        }));
        _client = LighterClient.Create(new LighterClientOptions
        {
            Environment = "custom",
            BaseUrl = _server.BaseUri(),
            WebSocketUrl = new Uri("ws://127.0.0.1:1/stream"),
            ChainId = 300,
            AccountIndex = 7,
            ApiKeyIndex = 3,
            RateLimitTier = RateLimitTier.Unlimited,
        }, timeProvider: _time, signer: _signer);
    }

    public void Dispose()
    {
        _client.Dispose();
        _server.Stop();
        _server.Dispose();
    }

    private static IResponseBuilder Json(string body) => Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body);

    private JsonElement LastTxInfo(out string txType)
    {
        var form = HttpUtility.ParseQueryString(_forms[^1]);
        txType = form["tx_type"]!;
        return JsonDocument.Parse(form["tx_info"]!).RootElement;
    }

    [Fact]
    public async Task A_limit_order_is_scaled_by_market_decimals_and_expires_in_28_days_by_default()
    {
        var result = await _client.CreateLimitOrderAsync(0, OrderSide.Sell, size: 0.5m, price: 3024.66m, clientOrderIndex: 9);

        var info = LastTxInfo(out var type);
        Assert.Equal("14", type);
        Assert.Equal(100, result.Nonce);
        Assert.Equal(5000, info.GetProperty("BaseAmount").GetInt64());
        Assert.Equal(302466, info.GetProperty("Price").GetInt64());
        Assert.Equal(1, info.GetProperty("IsAsk").GetInt32());
        Assert.Equal(1, info.GetProperty("TimeInForce").GetInt32());
        Assert.Equal(1_767_254_400_000 + 28L * 86_400_000, info.GetProperty("OrderExpiry").GetInt64());
        Assert.Equal(100, info.GetProperty("Nonce").GetInt64());
    }

    [Fact]
    public async Task Excess_precision_throws_before_anything_is_signed_or_sent()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _client.CreateLimitOrderAsync(0, OrderSide.Buy, 0.12345m, 3000m));
        Assert.Empty(_signer.Signed);
        Assert.Empty(_forms);
        // The nonce was not burned: the next order takes 100.
        Assert.Equal(100, (await _client.CreateMarketOrderAsync(0, OrderSide.Buy, 0.1m, 3100m)).Nonce);
    }

    [Fact]
    public async Task Market_IOC_and_stop_loss_orders_follow_the_expiry_rules()
    {
        await _client.CreateMarketOrderAsync(0, OrderSide.Buy, size: 1m, worstPrice: 3100m);
        var market = LastTxInfo(out _);
        Assert.Equal((1, 0, 0L), (market.GetProperty("Type").GetInt32(), market.GetProperty("TimeInForce").GetInt32(), market.GetProperty("OrderExpiry").GetInt64()));

        await _client.CreateStopLossOrderAsync(0, OrderSide.Sell, size: 1m, triggerPrice: 2900m, price: 2850m);
        var stop = LastTxInfo(out _);
        Assert.Equal(2, stop.GetProperty("Type").GetInt32());
        Assert.Equal(290000, stop.GetProperty("TriggerPrice").GetInt64());
        Assert.NotEqual(0, stop.GetProperty("OrderExpiry").GetInt64());

        await _client.CreateLimitOrderAsync(0, OrderSide.Sell, 1m, 3000m, OrderTimeInForce.PostOnly);
        Assert.Equal(2, LastTxInfo(out _).GetProperty("TimeInForce").GetInt32());
    }

    [Fact]
    public async Task Every_transaction_type_goes_through_the_generic_path()
    {
        LighterTransaction[] all =
        [
            new CancelOrder { MarketIndex = 0, Index = 5 },
            new CancelAllOrders(),
            new UpdateLeverage { MarketIndex = 0, InitialMarginFraction = 500 },
            new CreateSubAccount(),
            new Withdraw { AssetIndex = 3, Amount = 1_000_000 },
        ];
        foreach (var tx in all) await _client.SubmitAsync(tx);
        Assert.Equal(["15", "16", "20", "9", "13"], _forms.Select(f => HttpUtility.ParseQueryString(f)["tx_type"]!));
        Assert.Equal(Enumerable.Range(100, 5).Select(i => i.ToString(CultureInfo.InvariantCulture)),
            _forms.Select(f => JsonDocument.Parse(HttpUtility.ParseQueryString(f)["tx_info"]!).RootElement.GetProperty("Nonce").GetInt64().ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Leverage_is_converted_to_an_initial_margin_fraction_and_must_be_exact()
    {
        await _client.UpdateLeverageAsync(0, 20m);
        Assert.Equal(500, LastTxInfo(out _).GetProperty("InitialMarginFraction").GetInt32());
        await Assert.ThrowsAsync<ArgumentException>(() => _client.UpdateLeverageAsync(0, 3m));
    }

    [Fact]
    public void A_signer_for_another_chain_is_refused()
    {
        var options = new LighterClientOptions
        {
            Environment = "custom", BaseUrl = _server.BaseUri(), WebSocketUrl = new Uri("ws://127.0.0.1:1/stream"), ChainId = 300,
            AccountIndex = 7, ApiKeyIndex = 3, RateLimitTier = RateLimitTier.Unlimited,
        };
        var error = Assert.Throws<LighterConfigurationException>(() => LighterClient.Create(options, signer: new UnsignedTestSigner(304, 7, 3)));
        Assert.Contains("chain 304", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_only_path_returns_the_transaction_without_sending_it()
    {
        var signed = await _client.SignAsync(new CancelOrder { MarketIndex = 0, Index = 5 });
        Assert.Equal(15, signed.TxType);
        Assert.Equal(100, signed.Nonce);
        Assert.Empty(_forms);
    }

    [Fact]
    public async Task Operations_that_take_an_auth_token_get_the_signers_cached_token()
    {
        _server.Given(Request.Create().WithPath("/api/v1/accountActiveOrders")).RespondWith(Json("""{"code":200,"orders":[]}"""));
        (await _client.Http.GetAsync("api/v1/accountActiveOrders?account_index=7&market_id=0")).Dispose();
        (await _client.Http.GetAsync("api/v1/orderBookDetails")).Dispose();

        static string? Auth(WireMock.Logging.ILogEntry e) =>
            e.RequestMessage!.Headers!.FirstOrDefault(h => h.Key.Equals("authorization", StringComparison.OrdinalIgnoreCase)).Value?.Single();
        var entries = _server.LogEntries.ToList();
        // Deadline = now + 1 h (default lifetime), in Unix seconds.
        Assert.Equal("1767258000:7:3:test", Auth(entries[^2]));
        Assert.Null(Auth(entries[^1]));
    }

    [Fact]
    public async Task Invalid_transactions_are_rejected_by_the_official_rules_before_sending() =>
        await Assert.ThrowsAsync<LighterSigningException>(() => _client.SubmitAsync(new CancelOrder { MarketIndex = 0, Index = 0 }));
}
