using System.Collections.Concurrent;
using Lighter.Client;
using Lighter.Client.Tracking;
using Lighter.Signing.Transactions;

namespace Lighter.Testing.Tests.Integration;

/// <summary>client.Orders and WaitForExecutionAsync against the sandbox: a maker tracks its orders while a taker trades.</summary>
public sealed class OrderTrackingTests : IAsyncLifetime
{
    private const short Eth = 0;
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(15);
    private readonly ConcurrentQueue<OrderChangedEventArgs> _events = new();
    private LighterSandbox _sandbox = null!;
    private SandboxTraders _traders = null!;
    private LighterClient _maker = null!;
    private LighterClient _taker = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await LighterSandbox.StartAsync();
        _traders = new SandboxTraders(_sandbox);
        _maker = _traders.Create(100_000m);
        _taker = _traders.Create(100_000m);
        _maker.Orders.OrderChanged += (_, e) => _events.Enqueue(e);
        await _maker.Orders.StartAsync(Bounded());
    }

    public async Task DisposeAsync()
    {
        await _traders.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task Place_partial_fill_fill_and_place_cancel_raise_ordered_events_and_end_as_the_sandbox_shows()
    {
        await RunLifecycleAsync(dropInTheMiddle: false);
    }

    [Fact]
    public async Task After_a_websocket_drop_the_tracker_reconciles_without_lost_or_phantom_orders()
    {
        await RunLifecycleAsync(dropInTheMiddle: true);
    }

    [Fact]
    public async Task A_reconciliation_that_fails_after_a_drop_is_retried_until_the_fill_shows()
    {
        var ct = Bounded();
        await _maker.CreateLimitOrderAsync(Eth, OrderSide.Sell, 0.5m, 3000.00m, clientOrderIndex: 41, cancellationToken: ct);
        await _maker.Orders.WaitForAsync(41, o => o.State == OrderState.Open, ct);
        var reconnecting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _maker.Streams.StateChanged += (_, e) =>
        {
            if (e.Current == Lighter.Client.Streaming.ConnectionState.Reconnecting) reconnecting.TrySetResult();
        };

        // The order fills while the socket is down, and the reconciliation after the reconnect meets more 503s than
        // the pipeline retries: only the tracker's own retry can show the fill (the stream's update was missed).
        _sandbox.Faults.DropWebSockets();
        await reconnecting.Task.WaitAsync(ct);
        _sandbox.Faults.FailNext(times: 5, pathPrefix: "/api/v1/accountActiveOrders");
        await _taker.CreateMarketOrderAsync(Eth, OrderSide.Buy, 0.5m, 3010.00m, cancellationToken: ct);

        var filled = await _maker.Orders.WaitForAsync(41, o => o.IsFinal, ct);
        Assert.Equal((OrderState.Filled, 0.5m), (filled.State, filled.FilledSize));
        Assert.Empty(_maker.Orders.OpenOrders);
    }

    [Fact]
    public async Task WaitForExecution_reports_an_executed_order_with_its_index_and_a_crossing_post_only_order_as_rejected()
    {
        var ct = Bounded();
        var resting = await _maker.CreateLimitOrderAsync(Eth, OrderSide.Sell, 0.5m, 3000.00m, clientOrderIndex: 21, cancellationToken: ct);
        var executed = await _maker.WaitForExecutionAsync(resting, ct);
        Assert.Equal(ExecutionStatus.Executed, executed.Status);
        Assert.Equal(_maker.Orders.FindByClientOrderIndex(21)?.OrderIndex ?? await OrderIndexFromRestAsync(_maker, 21, ct), executed.OrderIndex);
        Assert.NotNull(executed.OrderIndex);

        // The taker has no tracker: its answer comes from GET tx and its inactive orders.
        var crossing = await _taker.CreateLimitOrderAsync(Eth, OrderSide.Buy, 0.1m, 3000.00m, OrderTimeInForce.PostOnly, clientOrderIndex: 22, cancellationToken: ct);
        var rejected = await _taker.WaitForExecutionAsync(crossing, ct);
        Assert.Equal(ExecutionStatus.Rejected, rejected.Status);
        Assert.Equal("canceled-post-only", rejected.Reason);
        Assert.Equal(crossing.TxHash, rejected.TxHash);

        // The maker's own crossing post-only order: answered by the tracker.
        await _taker.CreateLimitOrderAsync(Eth, OrderSide.Buy, 0.1m, 2990.00m, clientOrderIndex: 23, cancellationToken: ct);
        var own = await _maker.CreateLimitOrderAsync(Eth, OrderSide.Sell, 0.1m, 2990.00m, OrderTimeInForce.PostOnly, clientOrderIndex: 24, cancellationToken: ct);
        var ownResult = await _maker.WaitForExecutionAsync(own, ct);
        Assert.Equal(ExecutionStatus.Rejected, ownResult.Status);
        Assert.Equal("canceled-post-only", ownResult.Reason);
        Assert.Equal(OrderState.Rejected, (await _maker.Orders.WaitForAsync(24, o => o.IsFinal, ct)).State);
    }

    [Fact]
    public async Task AccountState_follows_positions_and_open_orders_as_trades_happen()
    {
        var ct = Bounded();
        var account = _maker.AccountState;
        var changed = new SemaphoreSlim(0);
        account.Changed += (_, _) => changed.Release();
        await account.StartAsync(ct);
        Assert.Empty(account.Snapshot.Positions);
        Assert.Equal(100_000m, account.Snapshot.Collateral);

        await _maker.CreateLimitOrderAsync(Eth, OrderSide.Sell, 0.5m, 3000.00m, clientOrderIndex: 31, cancellationToken: ct);
        await _taker.CreateMarketOrderAsync(Eth, OrderSide.Buy, 0.2m, 3010.00m, cancellationToken: ct);

        while (!(account.Snapshot.Positions is [{ MarketId: Eth, Size: -0.2m }] && account.Snapshot.OpenOrders is [{ FilledSize: 0.2m }]))
        {
            await changed.WaitAsync(ct);
        }

        var open = Assert.Single(account.Snapshot.OpenOrders);
        Assert.Equal((31L, OrderState.PartiallyFilled, 0.3m), (open.ClientOrderIndex, open.State, open.RemainingSize));
    }

    private async Task RunLifecycleAsync(bool dropInTheMiddle)
    {
        var ct = Bounded();
        await _maker.CreateLimitOrderAsync(Eth, OrderSide.Sell, 0.5m, 3000.00m, clientOrderIndex: 1, cancellationToken: ct);
        await _maker.Orders.WaitForAsync(1, o => o.State == OrderState.Open, ct);

        if (dropInTheMiddle)
        {
            // Both fills land while the maker's socket waits out its reconnect backoff (at least 0.8 s): the order
            // leaves the active set unseen, so only the REST reconciliation after the resubscription can show it filled.
            var reconnecting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _maker.Streams.StateChanged += (_, e) =>
            {
                if (e.Current == Lighter.Client.Streaming.ConnectionState.Reconnecting) reconnecting.TrySetResult();
            };
            _sandbox.Faults.DropWebSockets();
            await reconnecting.Task.WaitAsync(ct);
            await _taker.CreateMarketOrderAsync(Eth, OrderSide.Buy, 0.2m, 3010.00m, cancellationToken: ct);
        }
        else
        {
            await _taker.CreateMarketOrderAsync(Eth, OrderSide.Buy, 0.2m, 3010.00m, cancellationToken: ct);
            await _maker.Orders.WaitForAsync(1, o => o.FilledSize == 0.2m, ct);
        }

        await _taker.CreateMarketOrderAsync(Eth, OrderSide.Buy, 0.3m, 3010.00m, cancellationToken: ct);
        var filled = await _maker.Orders.WaitForAsync(1, o => o.IsFinal, ct);
        Assert.Equal(OrderState.Filled, filled.State);
        Assert.Equal(0.5m, filled.FilledSize);

        await _maker.CreateLimitOrderAsync(Eth, OrderSide.Sell, 0.4m, 3050.00m, clientOrderIndex: 2, cancellationToken: ct);
        var open = await _maker.Orders.WaitForAsync(2, o => o.State == OrderState.Open, ct);
        await _maker.CancelOrderAsync(Eth, open.OrderIndex!.Value, ct);
        var cancelled = await _maker.Orders.WaitForAsync(2, o => o.IsFinal, ct);
        Assert.Equal(OrderState.Cancelled, cancelled.State);
        Assert.Equal("canceled", cancelled.Reason);

        // Events per order, in order. Without a drop every step is seen; with one, the fills arrive by reconciliation as one change.
        var first = StatesOf(1);
        Assert.Equal(dropInTheMiddle ? Skipped : Full, first);
        Assert.Equal([OrderState.Pending, OrderState.Open, OrderState.Cancelled], StatesOf(2));

        // The tracker's final state equals the sandbox's (REST), order by order: nothing lost, nothing invented.
        var active = await _maker.Order.AccountActiveOrdersAsync(_maker.Options.AccountIndex!.Value, cancellationToken: ct);
        var inactive = await _maker.Order.AccountInactiveOrdersAsync(_maker.Options.AccountIndex!.Value, 100, cancellationToken: ct);
        var sandbox = active.Items.Concat(inactive.Items)
            .Select(o => (o.OrderIndex, o.ClientOrderIndex, o.FilledBaseAmount, o.RemainingBaseAmount))
            .OrderBy(o => o.OrderIndex);
        var tracked = _maker.Orders.Orders
            .Select(o => (o.OrderIndex!.Value, o.ClientOrderIndex, o.FilledSize, o.RemainingSize))
            .OrderBy(o => o.Item1);
        Assert.Equal(sandbox, tracked);
        Assert.Empty(_maker.Orders.OpenOrders);
    }

    private static readonly OrderState[] Full = [OrderState.Pending, OrderState.Open, OrderState.PartiallyFilled, OrderState.Filled];
    private static readonly OrderState[] Skipped = [OrderState.Pending, OrderState.Open, OrderState.Filled];

    /// <summary>The states one order went through, repeated states (a hash attached, a reconciled copy) folded.</summary>
    private OrderState[] StatesOf(long clientOrderIndex)
    {
        var states = new List<OrderState>();
        foreach (var e in _events.Where(e => e.Current.ClientOrderIndex == clientOrderIndex))
        {
            if (states.Count == 0 || states[^1] != e.Current.State) states.Add(e.Current.State);
        }

        // The stream may show the order before the submission returns; then it was never seen pending.
        if (states.Count > 0 && states[0] != OrderState.Pending) states.Insert(0, OrderState.Pending);
        return [.. states];
    }

    private static async Task<long?> OrderIndexFromRestAsync(LighterClient client, long clientOrderIndex, CancellationToken ct)
    {
        var active = await client.Order.AccountActiveOrdersAsync(client.Options.AccountIndex!.Value, cancellationToken: ct);
        return active.Items.FirstOrDefault(o => o.ClientOrderIndex == clientOrderIndex)?.OrderIndex;
    }

    private static CancellationToken Bounded()
    {
        // Disposed with the test process: a guard timeout only, never a wait.
        var guard = new CancellationTokenSource(Guard);
        return guard.Token;
    }
}
