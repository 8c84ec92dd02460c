using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Lighter.Signing.Transactions;

namespace Lighter.Client.Tracking;

/// <summary>
/// The orders of one account, kept in sync from the account's order stream and reconciled from REST when it starts
/// and after every reconnect. Orders placed through the client's helpers appear as <see cref="OrderState.Pending"/>
/// from submission. Changes are raised in the order they are applied.
/// </summary>
public sealed class OrderTracker : IAsyncDisposable
{
    /// <summary>Inactive orders a reconciliation always reads (the most recently finished).</summary>
    internal const int RecentInactive = 100;

    /// <summary>Inactive orders a reconciliation reads at most while looking for orders it holds open.</summary>
    internal const int MaxInactiveScan = 1_000;

    private readonly IOrderFeed _feed;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, TrackedOrder> _byIndex = [];
    private readonly List<TrackedOrder> _pending = [];
    private readonly ChangeOutbox<OrderChangedEventArgs> _outbox;
    private readonly List<Channel<OrderChangedEventArgs>> _readers = [];
    private readonly SemaphoreSlim _startGate = new(1, 1);
    private readonly RetryingRefresh _resync;
    private IAsyncDisposable? _subscription;
    private bool _disposed;

    internal OrderTracker(IOrderFeed feed, TimeProvider timeProvider)
    {
        _feed = feed;
        _time = timeProvider;
        _outbox = new ChangeOutbox<OrderChangedEventArgs>(_gate);
        _resync = new RetryingRefresh(ReconcileAsync, timeProvider);
    }

    /// <summary>Raised once per change of an order, in the order changes are applied (on the thread that applied it).</summary>
    public event EventHandler<OrderChangedEventArgs>? OrderChanged;

    /// <summary>Every order seen since the tracker started (a snapshot): by order index, then the pending ones in submission order.</summary>
    public IReadOnlyList<TrackedOrder> Orders
    {
        get
        {
            lock (_gate) return [.. _byIndex.Values.OrderBy(o => o.OrderIndex), .. _pending];
        }
    }

    /// <summary>The orders that are <see cref="OrderState.Pending"/>, <see cref="OrderState.Open"/> or <see cref="OrderState.PartiallyFilled"/>.</summary>
    public IReadOnlyList<TrackedOrder> OpenOrders => [.. Orders.Where(o => !o.IsFinal)];

    /// <summary>
    /// Subscribes to the account's order stream and reconciles from REST (active and recent inactive orders).
    /// Idempotent: later calls return once the first has completed.
    /// </summary>
    /// <param name="cancellationToken">Cancels the start (the tracker can be started again).</param>
    /// <exception cref="LighterApiException">The REST reconciliation failed.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _startGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_subscription is not null) return;
            // After each (re)subscription changes may have been missed: reconcile, retrying in the background on failure.
            var subscription = await _feed.SubscribeAsync(ApplyAll, _resync.RunAsync, cancellationToken).ConfigureAwait(false);
            try
            {
                // After subscribing, so that nothing between the REST read and the first update is missed.
                await ReconcileAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await subscription.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            _subscription = subscription;
        }
        finally
        {
            _startGate.Release();
        }
    }

    /// <summary>The order placed with <paramref name="clientOrderIndex"/> (the latest, when reused), or null.</summary>
    /// <param name="clientOrderIndex">The client order index.</param>
    public TrackedOrder? FindByClientOrderIndex(long clientOrderIndex) =>
        Orders.LastOrDefault(o => o.ClientOrderIndex == clientOrderIndex);

    /// <summary>The order with the exchange's <paramref name="orderIndex"/>, or null.</summary>
    /// <param name="orderIndex">The order index.</param>
    public TrackedOrder? FindByOrderIndex(long orderIndex)
    {
        lock (_gate) return _byIndex.GetValueOrDefault(orderIndex);
    }

    /// <summary>Every change from now on, in order, until <paramref name="cancellationToken"/> is cancelled or the tracker is disposed.</summary>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    public async IAsyncEnumerable<OrderChangedEventArgs> ChangesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<OrderChangedEventArgs>(new UnboundedChannelOptions { SingleReader = true });
        lock (_outbox.DispatchGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _readers.Add(channel);
        }

        try
        {
            await foreach (var change in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return change;
            }
        }
        finally
        {
            lock (_outbox.DispatchGate) _readers.Remove(channel);
        }
    }

    /// <summary>
    /// Waits until the order placed with <paramref name="clientOrderIndex"/> satisfies <paramref name="condition"/>
    /// (checked now and on every change of it). The wait is bounded only by <paramref name="cancellationToken"/>.
    /// </summary>
    /// <param name="clientOrderIndex">The client order index.</param>
    /// <param name="condition">What to wait for, e.g. <c>o =&gt; o.IsFinal</c>.</param>
    /// <param name="cancellationToken">Bounds the wait.</param>
    /// <returns>The order as it was when the condition held.</returns>
    public Task<TrackedOrder> WaitForAsync(long clientOrderIndex, Func<TrackedOrder, bool> condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return WaitAsync(o => o.ClientOrderIndex == clientOrderIndex && condition(o), () => FindByClientOrderIndex(clientOrderIndex), cancellationToken);
    }

    /// <summary>Unsubscribes from the stream and ends every <see cref="ChangesAsync"/> enumeration.</summary>
    public async ValueTask DisposeAsync()
    {
        IAsyncDisposable? subscription;
        await _startGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed) return;
            _disposed = true;
            _resync.Stop();
            subscription = _subscription;
            _subscription = null;
        }
        finally
        {
            _startGate.Release();
        }

        lock (_outbox.DispatchGate)
        {
            foreach (var reader in _readers) reader.Writer.TryComplete();
        }

        if (subscription is not null) await subscription.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Waits for the first order (current or changed) that matches; used by execution waits too.</summary>
    internal async Task<TrackedOrder> WaitAsync(Func<TrackedOrder, bool> match, Func<TrackedOrder?> current, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<TrackedOrder>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(object? sender, OrderChangedEventArgs e)
        {
            if (match(e.Current)) done.TrySetResult(e.Current);
        }

        OrderChanged += OnChanged;
        try
        {
            // Checked after subscribing, so that a change between the two cannot be missed.
            if (current() is { } now && match(now)) return now;
            using var registration = cancellationToken.Register(() => done.TrySetCanceled(cancellationToken));
            return await done.Task.ConfigureAwait(false);
        }
        finally
        {
            OrderChanged -= OnChanged;
        }
    }

    /// <summary>The order placed by the transaction <paramref name="txHash"/>, or null.</summary>
    internal TrackedOrder? FindByTxHash(string txHash) => Orders.LastOrDefault(o => o.TxHash == txHash);

    /// <summary>
    /// Records an order just submitted through the client, <see cref="OrderState.Pending"/> until the exchange shows it.
    /// Orders without a client order index (0) are not recorded: nothing would tie the exchange's order to them.
    /// </summary>
    internal void TrackPending(string txHash, short marketId, OrderSide side, decimal price, decimal size, long clientOrderIndex)
    {
        if (clientOrderIndex == 0) return;
        lock (_gate)
        {
            // The stream may have shown the order before the submission returned: attach the hash to it.
            var shown = _byIndex.Values
                .Where(o => o.TxHash is null && o.ClientOrderIndex == clientOrderIndex && o.MarketId == marketId && o.Side == side)
                .MaxBy(o => o.OrderIndex);
            var previous = shown;
            var current = shown is not null
                ? shown with { TxHash = txHash, UpdatedAt = _time.GetUtcNow() }
                : new TrackedOrder
                {
                    ClientOrderIndex = clientOrderIndex, MarketId = marketId, Side = side, Price = price, InitialSize = size,
                    RemainingSize = size, State = OrderState.Pending, TxHash = txHash, UpdatedAt = _time.GetUtcNow(),
                };
            if (shown is not null) _byIndex[shown.OrderIndex!.Value] = current;
            else _pending.Add(current);
            _outbox.Enqueue(new OrderChangedEventArgs(previous, current));
        }

        Dispatch();
    }

    /// <summary>
    /// Fetches the account's orders over REST and merges them (start, reconnects, gaps): the active orders, and the
    /// inactive ones page by page until every order the tracker holds open but the exchange no longer lists as active
    /// has been found (at least <see cref="RecentInactive"/>, so orders finished elsewhere show up too; at most
    /// <see cref="MaxInactiveScan"/>, so a long history is not read in full on every reconnect).
    /// </summary>
    internal async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        // Taken before the active read: an order the stream shows after it is not expected among the finished ones.
        HashSet<long> missing;
        lock (_gate) missing = [.. _byIndex.Values.Where(o => !o.IsFinal).Select(o => o.OrderIndex!.Value)];
        var active = await _feed.FetchActiveAsync(cancellationToken).ConfigureAwait(false);
        missing.ExceptWith(active.Select(o => o.OrderIndex));

        var inactive = new List<OrderObservation>();
        await foreach (var order in _feed.ReadInactiveAsync(cancellationToken).ConfigureAwait(false))
        {
            inactive.Add(order);
            missing.Remove(order.OrderIndex);
            if ((inactive.Count >= RecentInactive && missing.Count == 0) || inactive.Count >= MaxInactiveScan) break;
        }

        // Oldest first, then the active ones: an order that finished between the two reads ends final (a final state never reopens).
        inactive.Reverse();
        ApplyAll([.. inactive, .. active]);
    }

    /// <summary>Merges observations in order and raises the changes.</summary>
    internal void ApplyAll(IReadOnlyList<OrderObservation> observations)
    {
        lock (_gate)
        {
            foreach (var observed in observations) Merge(observed);
        }

        Dispatch();
    }

    private void Merge(OrderObservation observed)
    {
        if (OrderStatusMapping.Map(observed.Status, observed.FilledSize) is not var (state, reason)) return;
        var previous = _byIndex.GetValueOrDefault(observed.OrderIndex) ?? TakePending(observed);
        if (previous is not null && IsStale(previous, state, observed.FilledSize)) return;
        var current = new TrackedOrder
        {
            OrderIndex = observed.OrderIndex, ClientOrderIndex = observed.ClientOrderIndex, MarketId = observed.MarketId,
            Side = observed.Side, Price = observed.Price, InitialSize = observed.InitialSize, FilledSize = observed.FilledSize,
            RemainingSize = observed.RemainingSize, State = state, Reason = reason, TxHash = previous?.TxHash,
            UpdatedAt = previous?.UpdatedAt ?? default,
        };
        if (current == previous) return;
        current = current with { UpdatedAt = _time.GetUtcNow() };
        _byIndex[observed.OrderIndex] = current;
        _outbox.Enqueue(new OrderChangedEventArgs(previous, current));
    }

    /// <summary>A report older than what the tracker holds: a final order never reopens, a fill never shrinks.</summary>
    private static bool IsStale(TrackedOrder previous, OrderState state, decimal filled) =>
        previous.State != OrderState.Pending && ((previous.IsFinal && state != previous.State) || filled < previous.FilledSize);

    /// <summary>The pending order the exchange now shows (same market, side and client order index), removed from the pending list.</summary>
    private TrackedOrder? TakePending(OrderObservation observed)
    {
        var at = _pending.FindIndex(p => p.ClientOrderIndex == observed.ClientOrderIndex && p.MarketId == observed.MarketId && p.Side == observed.Side);
        if (at < 0) return null;
        var pending = _pending[at];
        _pending.RemoveAt(at);
        return pending;
    }

    /// <summary>Raises the queued changes, in order, to the <see cref="ChangesAsync"/> readers and the event.</summary>
    private void Dispatch() => _outbox.Dispatch(change =>
    {
        foreach (var reader in _readers) reader.Writer.TryWrite(change);
        OrderChanged?.Invoke(this, change);
    });
}
