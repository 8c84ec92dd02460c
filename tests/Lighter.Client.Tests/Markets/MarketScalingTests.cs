using Lighter.Client.Tests.Support;
using Lighter.Client.Markets;
using Microsoft.Extensions.Time.Testing;

namespace Lighter.Client.Tests.Markets;

public class MarketScalingTests
{
    private static readonly MarketInfo Eth = new(0, "ETH", false, SizeDecimals: 4, PriceDecimals: 2, MinBaseAmount: 0.005m);

    [Theory]
    [InlineData("3024.66", 302466u)]
    [InlineData("0.01", 1u)]
    [InlineData("3024.60", 302460u)]
    public void Prices_scale_exactly(string price, uint expected) =>
        Assert.Equal(expected, Eth.ToPrice(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Sizes_scale_exactly_and_round_trip()
    {
        Assert.Equal(12345L, Eth.ToBaseAmount(1.2345m));
        Assert.Equal(1.2345m, Eth.FromBaseAmount(12345));
    }

    [Fact]
    public void Excess_precision_throws_naming_the_field_and_market_instead_of_rounding()
    {
        var error = Assert.Throws<ArgumentException>(() => Eth.ToPrice(3024.665m));
        Assert.Equal("price", error.ParamName);
        Assert.StartsWith("price 3024.665 has more than 2 decimals, the precision allowed on market 0 (ETH)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("42949672.96")] // 2^32 / 100
    public void Prices_outside_the_signed_range_throw(string price) =>
        Assert.Throws<ArgumentException>(() => Eth.ToPrice(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_largest_price_fits()
    {
        Assert.Equal(uint.MaxValue, Eth.ToPrice(42949672.95m));
        Assert.Throws<ArgumentException>(() => Eth.ToBaseAmount(28147497671.0656m)); // 2^48 / 10^4
    }

    [Fact]
    public void Resting_orders_default_to_28_days_in_milliseconds_and_reject_short_or_far_expiries()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_767_254_400_000));
        Assert.Equal(1_767_254_400_000 + 28L * 24 * 3600 * 1000, OrderExpiry.ForRestingOrder(null, time));
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderExpiry.ForRestingOrder(time.GetUtcNow().AddMinutes(4), time));
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderExpiry.ForRestingOrder(time.GetUtcNow().AddDays(31), time));
        Assert.Equal(1_767_254_400_000 + 300_000, OrderExpiry.ForRestingOrder(time.GetUtcNow().AddMinutes(5), time));
    }

    [Fact]
    public void Catalog_reads_perps_and_spot_details_from_the_generated_model()
    {
        var json = OrderBookDetailsJson.Of(
            new OrderBookDetailsJson.Market(0, "ETH", SizeDecimals: 4, PriceDecimals: 2, MinBase: 0.005m),
            new OrderBookDetailsJson.Market(2048, "ETH/USDC", SizeDecimals: 3, PriceDecimals: 2, MinBase: 0.001m, MinQuote: 1m, Spot: true));
        var markets = MarketCatalog.Parse(System.Text.Encoding.UTF8.GetBytes(json));
        Assert.Equal(Eth, markets[0]);
        Assert.True(markets[2048].IsSpot);
        Assert.Equal((3, 1m), (markets[2048].SizeDecimals, markets[2048].MinQuoteAmount));
    }

    [Fact]
    public void A_catalog_answer_missing_required_fields_is_refused_naming_the_type_instead_of_reading_zero_decimals()
    {
        var error = Assert.Throws<System.Text.Json.JsonException>(() => MarketCatalog.Parse(
            """{"code":200,"order_book_details":[{"symbol":"ETH","market_id":0,"price_decimals":2,"min_base_amount":"0.0050"}],"spot_order_book_details":[]}"""u8));
        Assert.Contains("PerpsOrderBookDetail", error.Message, StringComparison.Ordinal);
        Assert.Contains("missing required properties", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.004", "4000")]   // under the minimum size
    [InlineData("0.005", "1000")]   // 5 USDC: under the minimum value of 10
    public void An_order_under_the_markets_minimums_is_refused_naming_size(string size, string price)
    {
        var market = Eth with { MinQuoteAmount = 10m };
        var error = Assert.Throws<ArgumentException>(() => market.CheckMinimums(Dec(size), Dec(price)));
        Assert.Equal("size", error.ParamName);
        market.CheckMinimums(Dec(size), Dec(price), reduceOnly: true);   // reduce-only orders are exempt
        market.CheckMinimums(0.005m, 2000m);                              // exactly the minimums
    }

    private static decimal Dec(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
