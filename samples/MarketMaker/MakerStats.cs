using Lighter.Client.Tracking;
using Lighter.Signing.Transactions;

namespace MarketMaker;

/// <summary>What the bot has done so far: quotes placed, fills, position and cash PnL marked at the mid.</summary>
internal sealed class MakerStats
{
    private readonly Dictionary<long, decimal> _filledByClientIndex = [];

    public int BidsPlaced { get; set; }
    public int AsksPlaced { get; set; }
    public int Requotes { get; set; }
    public int Fills { get; private set; }
    public decimal Position { get; private set; }
    public decimal Cash { get; private set; }
    public decimal Mid { get; set; }
    public TrackedOrder? Bid { get; set; }
    public TrackedOrder? Ask { get; set; }

    /// <summary>The bot's orders still open after the stop cancelled its quotes (null while running).</summary>
    public int? LeftOpen { get; set; }

    /// <summary>Mark-to-mid profit: cash from fills plus the position valued at the mid.</summary>
    public decimal Pnl => Cash + Position * Mid;

    /// <summary>Counts the newly filled part of a tracked order (its filled size only grows).</summary>
    public void Observe(TrackedOrder order)
    {
        _filledByClientIndex.TryGetValue(order.ClientOrderIndex, out var seen);
        var delta = order.FilledSize - seen;
        if (delta <= 0) return;
        _filledByClientIndex[order.ClientOrderIndex] = order.FilledSize;
        Fills++;
        var sign = order.Side == OrderSide.Buy ? 1m : -1m;
        Position += sign * delta;
        Cash -= sign * delta * order.Price;
    }
}
