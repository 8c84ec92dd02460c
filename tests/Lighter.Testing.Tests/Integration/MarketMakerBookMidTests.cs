using Lighter.Client.OrderBooks;
using Lighter.Client.Tracking;
using Lighter.Signing.Transactions;
using MarketMaker;

namespace Lighter.Testing.Tests.Integration;

/// <summary>The market maker prices off everyone else's orders: its own resting size is taken out of the book first.</summary>
public sealed class MarketMakerBookMidTests
{
    private static OrderBookSnapshot Book(LocalOrderBookStatus status, (decimal Price, decimal Size)[] bids, (decimal Price, decimal Size)[] asks) =>
        new(0, status, 1, null, [.. bids.Select(l => new PriceLevel(l.Price, l.Size))], [.. asks.Select(l => new PriceLevel(l.Price, l.Size))]);

    private static TrackedOrder Own(OrderSide side, decimal price, decimal remaining, OrderState state = OrderState.Open) =>
        new() { MarketId = 0, Side = side, Price = price, InitialSize = remaining, RemainingSize = remaining, State = state, ClientOrderIndex = 7 };

    [Fact]
    public void Levels_holding_only_the_bots_own_quotes_are_skipped()
    {
        var book = Book(LocalOrderBookStatus.Synced, [(2999.44m, 0.1m), (2990m, 1m)], [(3005.46m, 0.1m), (3010m, 2m)]);
        Assert.Equal(3000m, BookMid.OfOthers(book, [Own(OrderSide.Buy, 2999.44m, 0.1m), Own(OrderSide.Sell, 3005.46m, 0.1m)]));
    }

    [Fact]
    public void A_level_the_bot_shares_with_others_still_counts()
    {
        var book = Book(LocalOrderBookStatus.Synced, [(2999.44m, 0.3m)], [(3005.46m, 0.1m), (3007m, 1m)]);
        Assert.Equal(3003.22m, BookMid.OfOthers(book, [Own(OrderSide.Buy, 2999.44m, 0.1m), Own(OrderSide.Sell, 3005.46m, 0.1m)]));
    }

    [Fact]
    public void Without_own_orders_it_is_the_plain_mid_and_final_orders_are_not_own_size()
    {
        var book = Book(LocalOrderBookStatus.Synced, [(3002.00m, 0.1m)], [(3002.90m, 0.1m)]);
        Assert.Equal(3002.45m, BookMid.OfOthers(book, []));
        Assert.Equal(3002.45m, BookMid.OfOthers(book, [Own(OrderSide.Buy, 3002.00m, 0.1m, OrderState.Cancelled)]));
    }

    [Theory]
    [InlineData(LocalOrderBookStatus.Synced, true)]
    [InlineData(LocalOrderBookStatus.Syncing, false)]
    [InlineData(LocalOrderBookStatus.Resyncing, false)]
    [InlineData(LocalOrderBookStatus.Disconnected, false)]
    public void There_is_no_mid_when_a_side_has_only_the_bot_or_the_book_is_not_synced(LocalOrderBookStatus status, bool twoSided)
    {
        var book = Book(status, [(2999.44m, 0.1m), (2990m, 1m)], [(3005.46m, 0.1m)]);
        Assert.Null(BookMid.OfOthers(book, [Own(OrderSide.Sell, 3005.46m, 0.1m)])); // the only ask is the bot's
        Assert.Equal(twoSided ? 3002.45m : null, BookMid.OfOthers(book, []));
    }
}
