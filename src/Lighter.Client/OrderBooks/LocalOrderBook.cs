using System.Globalization;

namespace Lighter.Client.OrderBooks;

/// <summary>
/// A local copy of one market's order book, built from a snapshot plus price-level updates (size zero deletes).
/// </summary>
/// <remarks>
/// <para>Continuity: an update continues the book only when its <c>begin_nonce</c> equals the <c>nonce</c> of the
/// message before it. When the server sends no nonces, the update's <c>offset</c> must be greater than the last one.
/// Anything else is a gap: the book switches to <see cref="LocalOrderBookStatus.Resyncing"/>, ignores updates, and
/// is rebuilt from the next snapshot, so old and new state are never mixed.</para>
/// <para>Liveness: the moment the socket carrying the book is lost the book says <see cref="LocalOrderBookStatus.Disconnected"/>
/// (its levels are kept but no longer updated); <see cref="LastUpdatedAt"/> and <see cref="LastUpdateAge"/> tell how old
/// they are. A frame that cannot be read is reported but is not a gap by itself: the next update's <c>begin_nonce</c>
/// decides (without nonces the book resyncs, since offsets cannot prove that nothing was lost).</para>
/// <para>All members are thread-safe; the stream applies messages on its receive loop while callers read.</para>
/// </remarks>
public sealed class LocalOrderBook
{
    private readonly Lock _gate = new();
    private readonly PriceLadder _bids = new(isBidSide: true);
    private readonly PriceLadder _asks = new(isBidSide: false);
    private long _offset;
    private long? _nonce;
    private readonly TimeProvider _time;
    private LocalOrderBookStatus _status = LocalOrderBookStatus.Syncing;
    private bool _hasSnapshot;
    private DateTimeOffset? _lastUpdatedAt;

    /// <summary>Creates an empty book that waits for its first snapshot.</summary>
    /// <param name="marketId">Market index.</param>
    public LocalOrderBook(short marketId)
        : this(marketId, null)
    {
    }

    /// <summary>Creates an empty book that waits for its first snapshot and stamps changes with <paramref name="timeProvider"/>.</summary>
    /// <param name="marketId">Market index.</param>
    /// <param name="timeProvider">Clock for <see cref="LastUpdatedAt"/>; defaults to <see cref="TimeProvider.System"/>.</param>
    public LocalOrderBook(short marketId, TimeProvider? timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(marketId);
        MarketId = marketId;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Raised after every applied snapshot or update (on the stream's thread).</summary>
    public event EventHandler<OrderBookChangedEventArgs>? Changed;

    /// <summary>Raised when <see cref="Status"/> changes, e.g. on a detected gap.</summary>
    public event EventHandler<OrderBookStatusChangedEventArgs>? StatusChanged;

    /// <summary>Market index.</summary>
    public short MarketId { get; }

    /// <summary>Current synchronisation state.</summary>
    public LocalOrderBookStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    /// <summary>When the last snapshot or update was applied, or <see langword="null"/> before the first snapshot.</summary>
    public DateTimeOffset? LastUpdatedAt
    {
        get
        {
            lock (_gate)
            {
                return _lastUpdatedAt;
            }
        }
    }

    /// <summary>Time since <see cref="LastUpdatedAt"/> on the book's clock, or <see langword="null"/> before the first snapshot.</summary>
    public TimeSpan? LastUpdateAge => LastUpdatedAt is { } at ? _time.GetUtcNow() - at : null;

    /// <summary>Offset of the last applied message.</summary>
    public long Offset
    {
        get
        {
            lock (_gate)
            {
                return _offset;
            }
        }
    }

    /// <summary>Highest bid, or <see langword="null"/> when the side is empty.</summary>
    public PriceLevel? BestBid
    {
        get
        {
            lock (_gate)
            {
                return _bids.Best;
            }
        }
    }

    /// <summary>Lowest ask, or <see langword="null"/> when the side is empty.</summary>
    public PriceLevel? BestAsk
    {
        get
        {
            lock (_gate)
            {
                return _asks.Best;
            }
        }
    }

    /// <summary>Takes a consistent copy of the best <paramref name="depth"/> levels of each side.</summary>
    /// <param name="depth">Levels per side; defaults to the whole book.</param>
    public OrderBookSnapshot GetSnapshot(int depth = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        lock (_gate)
        {
            return new OrderBookSnapshot(MarketId, _status, _offset, _nonce, _bids.Top(depth), _asks.Top(depth)) { LastUpdatedAt = _lastUpdatedAt };
        }
    }

    /// <summary>Marks the book stale (e.g. after a reconnect); it is rebuilt from the next snapshot.</summary>
    /// <returns>True when this call threw away levels from a snapshot (the book now resyncs); false when it already
    /// waited for a snapshot or never had one.</returns>
    internal bool Invalidate(string reason)
    {
        LocalOrderBookStatus previous, next;
        lock (_gate)
        {
            previous = _status;

            // A book that never had a snapshot goes back to Syncing: there is nothing stale to throw away.
            next = _hasSnapshot ? LocalOrderBookStatus.Resyncing : LocalOrderBookStatus.Syncing;
            if (previous is LocalOrderBookStatus.Syncing or LocalOrderBookStatus.Resyncing)
            {
                return false;
            }

            _status = next;
        }

        StatusChanged?.Invoke(this, new OrderBookStatusChangedEventArgs(previous, next, reason));
        return next == LocalOrderBookStatus.Resyncing;
    }

    /// <summary>The socket carrying the book was lost: it keeps its levels but says they are not live.</summary>
    internal void MarkDisconnected(string reason)
    {
        LocalOrderBookStatus previous;
        lock (_gate)
        {
            previous = _status;
            if (previous == LocalOrderBookStatus.Disconnected)
            {
                return;
            }

            _status = LocalOrderBookStatus.Disconnected;
        }

        StatusChanged?.Invoke(this, new OrderBookStatusChangedEventArgs(previous, LocalOrderBookStatus.Disconnected, reason));
    }

    /// <summary>Whether <paramref name="frame"/> carries a <c>begin_nonce</c> that can be checked against the book's last nonce.</summary>
    internal bool CanProveContinuity(OrderBookFrame frame)
    {
        lock (_gate)
        {
            return frame.BeginNonce is not null && _nonce is not null;
        }
    }

    internal OrderBookApplyResult Apply(OrderBookFrame frame) => Apply(frame, out _);

    internal OrderBookApplyResult Apply(OrderBookFrame frame, out string? gapReason)
    {
        OrderBookApplyResult result;
        LocalOrderBookStatus previous;
        gapReason = null;
        lock (_gate)
        {
            previous = _status;
            if (frame.IsSnapshot)
            {
                _bids.Clear();
                _asks.Clear();
                ApplyLevels(frame);
                _status = LocalOrderBookStatus.Synced;
                _hasSnapshot = true;
                result = OrderBookApplyResult.SnapshotApplied;
            }
            else if (_status != LocalOrderBookStatus.Synced)
            {
                return OrderBookApplyResult.IgnoredUntilSnapshot;
            }
            else if ((gapReason = FindGap(frame)) is not null)
            {
                _status = LocalOrderBookStatus.Resyncing;
                result = OrderBookApplyResult.Gap;
            }
            else
            {
                ApplyLevels(frame);
                result = OrderBookApplyResult.UpdateApplied;
            }
        }

        if (result == OrderBookApplyResult.Gap)
        {
            StatusChanged?.Invoke(this, new OrderBookStatusChangedEventArgs(previous, LocalOrderBookStatus.Resyncing, gapReason!));
            return result;
        }

        if (previous != LocalOrderBookStatus.Synced)
        {
            StatusChanged?.Invoke(this, new OrderBookStatusChangedEventArgs(previous, LocalOrderBookStatus.Synced, "snapshot applied"));
        }

        Changed?.Invoke(this, new OrderBookChangedEventArgs(frame.Offset, frame.IsSnapshot, frame.BidCount + frame.AskCount));
        return result;
    }

    private string? FindGap(OrderBookFrame frame)
    {
        if (frame.BeginNonce is { } begin && _nonce is { } last)
        {
            return begin == last
                ? null
                : string.Create(CultureInfo.InvariantCulture, $"begin_nonce {begin} does not continue nonce {last}");
        }

        return frame.Offset > _offset
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"offset {frame.Offset} does not follow offset {_offset}");
    }

    private void ApplyLevels(OrderBookFrame frame)
    {
        foreach (ref readonly var bid in frame.Bids)
        {
            _bids.Apply(bid);
        }

        foreach (ref readonly var ask in frame.Asks)
        {
            _asks.Apply(ask);
        }

        _offset = frame.Offset;
        _nonce = frame.Nonce ?? (frame.IsSnapshot ? null : _nonce);
        _lastUpdatedAt = _time.GetUtcNow();
    }
}
