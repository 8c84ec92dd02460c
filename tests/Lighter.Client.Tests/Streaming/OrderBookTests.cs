using Lighter.Client.Streaming;
using Lighter.Client.OrderBooks;

namespace Lighter.Client.Tests.Streaming;

public sealed class OrderBookTests
{
    private static OrderBookFrame Frame(bool snapshot, long offset, long? begin, long? nonce, (decimal P, decimal S)[] bids, (decimal P, decimal S)[] asks)
    {
        var frame = new OrderBookFrame { IsSnapshot = snapshot, MarketId = 0, Offset = offset, BeginNonce = begin, Nonce = nonce };
        foreach (var (p, s) in bids)
        {
            frame.AddBid(new PriceLevel(p, s));
        }

        foreach (var (p, s) in asks)
        {
            frame.AddAsk(new PriceLevel(p, s));
        }

        return frame;
    }

    [Fact]
    public void Updates_replace_insert_and_delete_levels_and_keep_both_sides_sorted()
    {
        var book = new LocalOrderBook(0);
        book.Apply(Frame(true, 10, 100, 100, [(99m, 1m), (98m, 2m)], [(101m, 1m), (103m, 1m)]));
        var result = book.Apply(Frame(false, 12, 100, 130, [(99m, 0m), (98.5m, 4m), (97m, 1m)], [(102m, 5m), (101m, 2m), (104m, 0m)]));

        Assert.Equal(OrderBookApplyResult.UpdateApplied, result);
        var copy = book.GetSnapshot();
        Assert.Equal([98.5m, 98m, 97m], copy.Bids.Select(l => l.Price));
        Assert.Equal([101m, 102m, 103m], copy.Asks.Select(l => l.Price));
        Assert.Equal(2m, copy.Asks[0].Size);
        Assert.Equal(130, copy.Nonce);
        Assert.Equal(12, copy.Offset);
        Assert.Equal([98.5m], book.GetSnapshot(depth: 1).Bids.Select(l => l.Price));
    }

    [Fact]
    public void An_update_whose_begin_nonce_is_not_the_last_nonce_is_a_gap_and_later_updates_wait_for_a_snapshot()
    {
        var book = new LocalOrderBook(0);
        var statuses = new List<LocalOrderBookStatus>();
        book.StatusChanged += (_, e) => statuses.Add(e.Current);
        book.Apply(Frame(true, 1, 100, 100, [(1m, 1m)], []));

        Assert.Equal(OrderBookApplyResult.Gap, book.Apply(Frame(false, 2, 101, 120, [(2m, 1m)], []))); // 101 != 100
        Assert.Equal(OrderBookApplyResult.IgnoredUntilSnapshot, book.Apply(Frame(false, 3, 120, 130, [(3m, 1m)], [])));
        Assert.Equal([1m], book.GetSnapshot().Bids.Select(l => l.Price)); // never mixed with the ignored updates

        book.Apply(Frame(true, 5, 130, 130, [(4m, 1m)], []));
        Assert.Equal([4m], book.GetSnapshot().Bids.Select(l => l.Price));
        Assert.Equal([LocalOrderBookStatus.Synced, LocalOrderBookStatus.Resyncing, LocalOrderBookStatus.Synced], statuses);
    }

    [Fact]
    public void Without_nonces_the_offset_must_increase()
    {
        var book = new LocalOrderBook(0);
        book.Apply(Frame(true, 10, null, null, [], []));
        Assert.Equal(OrderBookApplyResult.UpdateApplied, book.Apply(Frame(false, 15, null, null, [(1m, 1m)], [])));
        Assert.Equal(OrderBookApplyResult.Gap, book.Apply(Frame(false, 15, null, null, [(1m, 2m)], [])));
    }

    [Fact]
    public void Changed_fires_once_per_applied_message()
    {
        var book = new LocalOrderBook(0);
        var offsets = new List<long>();
        book.Changed += (_, e) => offsets.Add(e.Offset);
        book.Apply(Frame(true, 1, 5, 5, [(1m, 1m)], []));
        book.Apply(Frame(false, 2, 5, 9, [(1m, 3m)], [(2m, 1m)]));
        Assert.Equal([1L, 2L], offsets);
        Assert.Equal(3m, book.BestBid!.Value.Size);
        Assert.Equal(2m, book.BestAsk!.Value.Price);
    }
}
