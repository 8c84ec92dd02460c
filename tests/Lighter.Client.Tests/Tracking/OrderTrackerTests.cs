using Lighter.Client.Tracking;
using Lighter.Signing.Transactions;
using Microsoft.Extensions.Time.Testing;

namespace Lighter.Client.Tests.Tracking;

/// <summary>The tracker's merge rules on a scripted feed: states from the exchange's statuses, stale reports, pending orders, event order.</summary>
public sealed class OrderTrackerTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ScriptedFeed _feed = new();

    [Theory]
    [InlineData("open", 0, OrderState.Open, null)]
    [InlineData("open", 1, OrderState.PartiallyFilled, null)]
    [InlineData("filled", 5, OrderState.Filled, null)]
    [InlineData("canceled", 0, OrderState.Cancelled, "canceled")]
    [InlineData("canceled-expired", 0, OrderState.Expired, "canceled-expired")]
    [InlineData("canceled-post-only", 0, OrderState.Rejected, "canceled-post-only")]
    [InlineData("canceled-reduce-only", 2, OrderState.Cancelled, "canceled-reduce-only")]
    [InlineData("canceled-self-trade", 0, OrderState.Cancelled, "canceled-self-trade")]
    public async Task Exchange_statuses_map_to_states_and_reasons(string status, int filled, OrderState state, string? reason)
    {
        await using var tracker = await StartedAsync();
        _feed.Push(Observed(7, status, filled));

        var order = tracker.FindByOrderIndex(7)!;
        Assert.Equal(state, order.State);
        Assert.Equal(reason, order.Reason);
        Assert.Equal(filled, order.FilledSize);
        Assert.Equal(5 - filled, order.RemainingSize);
    }

    [Fact]
    public async Task Stale_reports_never_reopen_a_final_order_or_shrink_a_fill()
    {
        await using var tracker = await StartedAsync();
        _feed.Push(Observed(7, "open", 2));
        _feed.Push(Observed(7, "open", 1));
        Assert.Equal(2m, tracker.FindByOrderIndex(7)!.FilledSize);

        _feed.Push(Observed(7, "filled", 5));
        _feed.Push(Observed(7, "open", 3));
        Assert.Equal(OrderState.Filled, tracker.FindByOrderIndex(7)!.State);
        Assert.Empty(tracker.OpenOrders);
    }

    [Fact]
    public async Task A_pending_order_becomes_the_exchange_order_and_events_arrive_in_order_once_per_change()
    {
        await using var tracker = await StartedAsync();
        var seen = new List<(OrderState? Previous, OrderState Current)>();
        tracker.OrderChanged += (_, e) => seen.Add((e.Previous?.State, e.Current.State));

        tracker.TrackPending("0xabc", 0, OrderSide.Sell, 3000m, 5m, clientOrderIndex: 42);
        Assert.Equal(OrderState.Pending, tracker.FindByClientOrderIndex(42)!.State);
        _feed.Push(Observed(7, "open", 0, clientOrderIndex: 42));
        _feed.Push(Observed(7, "open", 0, clientOrderIndex: 42)); // the same report again: no event
        _feed.Push(Observed(7, "open", 2, clientOrderIndex: 42));
        _feed.Push(Observed(7, "filled", 5, clientOrderIndex: 42));

        Assert.Equal(
            [(null, OrderState.Pending), (OrderState.Pending, OrderState.Open), (OrderState.Open, OrderState.PartiallyFilled), (OrderState.PartiallyFilled, OrderState.Filled)],
            seen);
        var order = Assert.Single(tracker.Orders);
        Assert.Equal("0xabc", order.TxHash);
        Assert.Equal(7, order.OrderIndex);
    }

    [Fact]
    public async Task A_submission_the_stream_showed_first_is_attached_not_added_as_a_phantom_pending_order()
    {
        await using var tracker = await StartedAsync();
        _feed.Push(Observed(7, "open", 0, clientOrderIndex: 42));

        tracker.TrackPending("0xabc", 0, OrderSide.Sell, 3000m, 5m, clientOrderIndex: 42);

        var order = Assert.Single(tracker.Orders);
        Assert.Equal((OrderState.Open, "0xabc"), (order.State, order.TxHash));
    }

    [Fact]
    public async Task WaitFor_completes_on_the_change_that_satisfies_it_and_ChangesAsync_sees_every_change()
    {
        await using var tracker = await StartedAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var changes = tracker.ChangesAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var next = changes.MoveNextAsync();
        var final = tracker.WaitForAsync(42, o => o.IsFinal, cts.Token);

        _feed.Push(Observed(7, "open", 0, clientOrderIndex: 42));
        Assert.False(final.IsCompleted);
        _feed.Push(Observed(7, "canceled", 0, clientOrderIndex: 42));

        Assert.Equal(OrderState.Cancelled, (await final).State);
        Assert.True(await next);
        Assert.Equal(OrderState.Open, changes.Current.Current.State);
        Assert.True(await changes.MoveNextAsync());
        Assert.Equal(OrderState.Cancelled, changes.Current.Current.State);
        await changes.DisposeAsync();
    }

    [Fact]
    public async Task Start_reconciles_from_rest_once_and_a_resubscription_reconciles_again()
    {
        _feed.Rest = [Observed(3, "open", 0)];
        await using var tracker = await StartedAsync();
        await tracker.StartAsync();
        Assert.Equal(1, _feed.Fetches);
        Assert.Equal(1, _feed.Subscriptions);

        _feed.Rest = [Observed(3, "filled", 5)];
        await _feed.ResubscribedAsync();

        Assert.Equal(2, _feed.Fetches);
        Assert.Equal(OrderState.Filled, tracker.FindByOrderIndex(3)!.State);
    }

    private async Task<OrderTracker> StartedAsync()
    {
        var tracker = new OrderTracker(_feed, _clock);
        await tracker.StartAsync();
        return tracker;
    }

    private static OrderObservation Observed(long orderIndex, string status, decimal filled, long clientOrderIndex = 0) =>
        new(orderIndex, clientOrderIndex, 0, OrderSide.Sell, 3000m, 5m, filled, 5m - filled, status);

    private sealed class ScriptedFeed : IOrderFeed
    {
        private Action<IReadOnlyList<OrderObservation>>? _onOrders;
        private Func<CancellationToken, Task>? _onResubscribed;

        public IReadOnlyList<OrderObservation> Rest { get; set; } = [];

        public int Fetches { get; private set; }

        public int Subscriptions { get; private set; }

        public Task<IReadOnlyList<OrderObservation>> FetchAsync(CancellationToken cancellationToken)
        {
            Fetches++;
            return Task.FromResult(Rest);
        }

        public Task<IAsyncDisposable> SubscribeAsync(Action<IReadOnlyList<OrderObservation>> onOrders, Func<CancellationToken, Task> onResubscribed, CancellationToken cancellationToken)
        {
            Subscriptions++;
            _onOrders = onOrders;
            _onResubscribed = onResubscribed;
            return Task.FromResult<IAsyncDisposable>(new Nothing());
        }

        public void Push(OrderObservation order) => _onOrders!([order]);

        public Task ResubscribedAsync() => _onResubscribed!(CancellationToken.None);

        private sealed class Nothing : IAsyncDisposable
        {
            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
