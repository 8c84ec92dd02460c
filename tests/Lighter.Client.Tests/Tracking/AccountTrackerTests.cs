using Lighter.Client.Tests.Support;
using Lighter.Client.Tracking;
using Lighter.Signing.Transactions;

namespace Lighter.Client.Tests.Tracking;

/// <summary>The account tracker's snapshots and change events on scripted feeds.</summary>
public sealed class AccountTrackerTests
{
    private readonly TimerCountingClock _clock = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ScriptedOrderFeed _orderFeed = new();
    private readonly CountingAccountFeed _accountFeed = new();

    [Fact]
    public async Task Changes_from_many_threads_arrive_one_at_a_time_as_an_unbroken_chain()
    {
        var orders = new OrderTracker(_orderFeed, _clock);
        await using var tracker = new AccountTracker(_accountFeed, orders, _clock);
        await tracker.StartAsync();
        var seen = new List<AccountChangedEventArgs>();
        var inHandler = 0;
        var overlapped = false;
        tracker.Changed += (_, e) =>
        {
            overlapped |= Interlocked.Increment(ref inHandler) > 1;
            Thread.SpinWait(20_000); // a slow handler widens any window between making a snapshot and raising it
            seen.Add(e);
            Interlocked.Decrement(ref inHandler);
        };

        // Order changes and balance refreshes from four threads released together.
        using var go = new ManualResetEventSlim();
        var writers = Enumerable.Range(0, 4).Select(w => new Thread(() =>
        {
            go.Wait();
            for (var i = 0; i < 100; i++)
            {
                var index = w * 1_000 + i;
                if (i % 2 == 0) _orderFeed.Push(new OrderObservation(index, index, 0, OrderSide.Buy, 3000m, 1m, 0m, 1m, "open"));
                else tracker.RefreshAsync(CancellationToken.None).GetAwaiter().GetResult();
            }
        })).ToList();
        writers.ForEach(t => t.Start());
        go.Set();
        writers.ForEach(t => t.Join());

        Assert.False(overlapped, "two Changed handlers ran at once");
        Assert.True(seen.Count >= 200, $"only {seen.Count} changes were raised");
        for (var i = 1; i < seen.Count; i++)
        {
            Assert.Same(seen[i - 1].Current, seen[i].Previous);
        }

        Assert.Same(tracker.Snapshot, seen[^1].Current);
        Assert.Equal(200, tracker.Snapshot.OpenOrders.Count);
    }

    [Fact]
    public async Task An_unchanged_refresh_raises_nothing_and_a_changed_balance_raises_once()
    {
        var orders = new OrderTracker(_orderFeed, _clock);
        await using var tracker = new AccountTracker(_accountFeed, orders, _clock);
        await tracker.StartAsync();
        var raised = 0;
        tracker.Changed += (_, _) => raised++;

        _accountFeed.Step = 0m;
        await tracker.RefreshAsync(CancellationToken.None);
        Assert.Equal(0, raised);

        _accountFeed.Step = 1m;
        await tracker.RefreshAsync(CancellationToken.None);
        Assert.Equal(1, raised);
        Assert.Equal(_accountFeed.Collateral, tracker.Snapshot.Collateral);
    }

    [Fact]
    public async Task A_refresh_from_a_frame_that_fails_is_retried_in_the_background_until_it_succeeds()
    {
        var orders = new OrderTracker(_orderFeed, _clock);
        await using var tracker = new AccountTracker(_accountFeed, orders, _clock);
        await tracker.StartAsync();
        var before = tracker.Snapshot.Collateral;
        _accountFeed.FailingReads = 1;
        var armed = _clock.TimersCreated;

        await Assert.ThrowsAsync<LighterApiException>(_accountFeed.FrameAsync); // the pump logs this one
        await _clock.TimersCreatedAsync(armed + 1);
        Assert.Equal(before, tracker.Snapshot.Collateral);
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        tracker.Changed += (_, _) => changed.TrySetResult();
        _clock.Advance(RetryingRefresh.FirstDelay);

        await changed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(_accountFeed.Collateral, tracker.Snapshot.Collateral);
        Assert.NotEqual(before, tracker.Snapshot.Collateral);
    }

    /// <summary>Balances that grow by <see cref="Step"/> on every read.</summary>
    private sealed class CountingAccountFeed : IAccountFeed
    {
        private decimal _collateral = 1_000m;

        public decimal Step { get; set; } = 1m;

        public decimal Collateral => _collateral;

        private Func<CancellationToken, Task>? _onFrame;

        /// <summary>Reads that fail (transiently, as a 503 after the pipeline's retries) before one succeeds.</summary>
        public int FailingReads { get; set; }

        /// <summary>A frame of the account stream arrives.</summary>
        public Task FrameAsync() => _onFrame!(CancellationToken.None);

        public Task<(decimal Collateral, decimal Available, IReadOnlyList<PositionSnapshot> Positions)> FetchAsync(CancellationToken cancellationToken)
        {
            lock (this)
            {
                if (FailingReads > 0)
                {
                    FailingReads--;
                    throw new LighterApiException("account", System.Net.HttpStatusCode.ServiceUnavailable, null, null, isTransient: true);
                }

                _collateral += Step;
                return Task.FromResult<(decimal, decimal, IReadOnlyList<PositionSnapshot>)>((_collateral, _collateral / 2, []));
            }
        }

        public Task<IAsyncDisposable> SubscribeAsync(Func<CancellationToken, Task> onChanged, CancellationToken cancellationToken)
        {
            _onFrame = onChanged;
            return Task.FromResult<IAsyncDisposable>(new Nothing());
        }

        private sealed class Nothing : IAsyncDisposable
        {
            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
