using Lighter.Testing.Exchange;

namespace Lighter.Testing.Tests.Engine;

public class MatchingEngineTests
{
    private static readonly SandboxMarket Eth = SandboxMarket.Eth;
    private long _nextIndex = 1;

    [Fact]
    public void Best_price_trades_first_and_at_the_resting_price()
    {
        var book = new MarketBook(Eth);
        var cheap = Rest(book, account: 1, isAsk: true, price: 300_000, size: 10);
        Rest(book, account: 2, isAsk: true, price: 300_100, size: 10);
        var taker = Order(account: 3, isAsk: false, price: 301_000, size: 5);

        var fills = MatchingEngine.Match(book, taker, long.MaxValue, []);

        var fill = Assert.Single(fills);
        Assert.Same(cheap, fill.Maker);
        Assert.Equal((300_000L, 5L), (fill.Price, fill.Size));
        Assert.Equal(5, cheap.RemainingBase);
        Assert.Equal(0, taker.RemainingBase);
    }

    [Fact]
    public void At_one_price_the_oldest_order_trades_first()
    {
        var book = new MarketBook(Eth);
        var first = Rest(book, account: 1, isAsk: false, price: 300_000, size: 4);
        var second = Rest(book, account: 2, isAsk: false, price: 300_000, size: 4);
        var taker = Order(account: 3, isAsk: true, price: 299_000, size: 6);

        var fills = MatchingEngine.Match(book, taker, long.MaxValue, []);

        Assert.Equal([(first, 4L), (second, 2L)], fills.Select(f => (f.Maker, f.Size)));
        Assert.Equal(OrderStatus.Filled, first.Status);
        Assert.Equal(2, second.RemainingBase);
        Assert.Equal([(300_000L, 2L)], book.Levels(isAsk: false));
    }

    [Fact]
    public void A_taker_that_does_not_cross_does_not_trade()
    {
        var book = new MarketBook(Eth);
        Rest(book, account: 1, isAsk: true, price: 300_000, size: 10);
        var taker = Order(account: 2, isAsk: false, price: 299_999, size: 5);

        Assert.Empty(MatchingEngine.Match(book, taker, long.MaxValue, []));
        Assert.False(MatchingEngine.WouldCross(book, taker));
        Assert.Equal(5, taker.RemainingBase);
    }

    [Fact]
    public void A_resting_order_of_the_same_account_is_cancelled_instead_of_traded()
    {
        var book = new MarketBook(Eth);
        var own = Rest(book, account: 7, isAsk: true, price: 300_000, size: 10);
        var other = Rest(book, account: 8, isAsk: true, price: 300_050, size: 10);
        var taker = Order(account: 7, isAsk: false, price: 301_000, size: 3);
        var canceled = new List<OrderState>();

        var fills = MatchingEngine.Match(book, taker, long.MaxValue, canceled);

        Assert.Equal([own], canceled);
        Assert.Equal(OrderStatus.CanceledSelfTrade, own.Status);
        Assert.Same(other, Assert.Single(fills).Maker);
    }

    [Fact]
    public void The_traded_size_respects_the_cap_of_a_reduce_only_order()
    {
        var book = new MarketBook(Eth);
        Rest(book, account: 1, isAsk: true, price: 300_000, size: 100);
        var taker = Order(account: 2, isAsk: false, price: 300_000, size: 50);

        var fills = MatchingEngine.Match(book, taker, maxSize: 20, []);

        Assert.Equal(20, Assert.Single(fills).Size);
        Assert.Equal(30, taker.RemainingBase);
    }

    [Fact]
    public void Changed_levels_are_reported_once_with_their_new_size()
    {
        var book = new MarketBook(Eth);
        Rest(book, account: 1, isAsk: true, price: 300_000, size: 10);
        Rest(book, account: 1, isAsk: false, price: 299_000, size: 10);
        book.DrainChanges();
        var taker = Order(account: 2, isAsk: false, price: 300_000, size: 10);

        MatchingEngine.Match(book, taker, long.MaxValue, []);
        var (asks, bids) = book.DrainChanges();

        Assert.Equal([(300_000L, 0L)], asks);
        Assert.Empty(bids);
        var (asksAgain, bidsAgain) = book.DrainChanges();
        Assert.Empty(asksAgain);
        Assert.Empty(bidsAgain);
    }

    [Fact]
    public void Filled_quote_accumulates_price_times_size_in_decimal_units()
    {
        var book = new MarketBook(Eth);
        Rest(book, account: 1, isAsk: true, price: 300_000, size: 10_000);
        Rest(book, account: 1, isAsk: true, price: 300_100, size: 10_000);
        var taker = Order(account: 2, isAsk: false, price: 300_100, size: 15_000);

        MatchingEngine.Match(book, taker, long.MaxValue, []);

        // 1 ETH at 3000.00 + 0.5 ETH at 3001.00
        Assert.Equal(4500.50m, taker.FilledQuote);
    }

    private OrderState Rest(MarketBook book, long account, bool isAsk, long price, long size)
    {
        var order = Order(account, isAsk, price, size);
        book.Rest(order);
        return order;
    }

    private OrderState Order(long account, bool isAsk, long price, long size) => new()
    {
        OrderIndex = _nextIndex++,
        ClientOrderIndex = 0,
        AccountIndex = account,
        Market = Eth,
        IsAsk = isAsk,
        Type = 0,
        TimeInForce = 1,
        ReduceOnly = false,
        OrderExpiry = 0,
        Nonce = 0,
        CreatedAtMs = 0,
        Price = price,
        InitialBase = size,
        RemainingBase = size,
    };
}
