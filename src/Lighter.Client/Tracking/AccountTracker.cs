namespace Lighter.Client.Tracking;

/// <summary>
/// Balances, positions and open orders of one account, as a read-only <see cref="Snapshot"/> plus a
/// <see cref="Changed"/> event. Every frame of the <c>account_all</c> stream (its snapshot after each reconnect included)
/// refreshes balances and positions from REST; open orders come from the client's <see cref="OrderTracker"/>.
/// </summary>
public sealed class AccountTracker : IAsyncDisposable
{
    private readonly IAccountFeed _feed;
    private readonly OrderTracker _orders;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private readonly Lock _publishGate = new();
    private readonly ChangeOutbox<AccountChangedEventArgs> _outbox;
    private readonly RetryingRefresh _frameRefresh;
    private IAsyncDisposable? _subscription;
    private (decimal Collateral, decimal Available, IReadOnlyList<PositionSnapshot> Positions) _balances = (0m, 0m, []);
    private AccountSnapshot _snapshot = AccountSnapshot.Empty;
    private bool _disposed;

    internal AccountTracker(IAccountFeed feed, OrderTracker orders, TimeProvider timeProvider)
    {
        _feed = feed;
        _orders = orders;
        _time = timeProvider;
        _outbox = new ChangeOutbox<AccountChangedEventArgs>(_publishGate);
        _frameRefresh = new RetryingRefresh(RefreshAsync, timeProvider);
    }

    /// <summary>Raised after each change of <see cref="Snapshot"/>, one at a time and in the order the snapshots were made.</summary>
    public event EventHandler<AccountChangedEventArgs>? Changed;

    /// <summary>The latest snapshot (<see cref="AccountSnapshot.Empty"/> before <see cref="StartAsync"/>).</summary>
    public AccountSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>Starts the order tracker, subscribes to the account stream and reads balances and positions. Idempotent.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="LighterApiException">A REST read failed.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_subscription is not null) return;
            await _orders.StartAsync(cancellationToken).ConfigureAwait(false);
            _orders.OrderChanged += OnOrderChanged;
            // Each frame refreshes from REST; a failed refresh is retried in the background rather than waiting for the next frame.
            _subscription = await _feed.SubscribeAsync(_frameRefresh.RunAsync, cancellationToken).ConfigureAwait(false);
            await RefreshAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Unsubscribes from the account stream (the order tracker stays with the client).</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed) return;
            _disposed = true;
            _frameRefresh.Stop();
            _orders.OrderChanged -= OnOrderChanged;
            if (_subscription is not null) await _subscription.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Re-reads balances and positions and publishes a new snapshot when anything changed.</summary>
    internal async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _balances = await _feed.FetchAsync(cancellationToken).ConfigureAwait(false);
            Publish();
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    private void OnOrderChanged(object? sender, OrderChangedEventArgs e) => Publish();

    private void Publish()
    {
        lock (_publishGate)
        {
            var previous = _snapshot;
            var b = _balances;
            var current = new AccountSnapshot(b.Collateral, b.Available, b.Positions, _orders.OpenOrders, _time.GetUtcNow());
            if (previous.Collateral == current.Collateral && previous.AvailableBalance == current.AvailableBalance
                && previous.Positions.SequenceEqual(current.Positions) && previous.OpenOrders.SequenceEqual(current.OpenOrders))
            {
                return;
            }

            Volatile.Write(ref _snapshot, current);
            _outbox.Enqueue(new AccountChangedEventArgs(previous, current));
        }

        _outbox.Dispatch(change => Changed?.Invoke(this, change));
    }
}
