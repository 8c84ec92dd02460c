using Lighter.Client.Tests.Support;
using Lighter.Client.Tracking;
using Lighter.Signing.Transactions;

namespace Lighter.Client.Tests.Tracking;

/// <summary>The tracker's merge rules on a scripted feed: states from the exchange's statuses, stale reports, pending orders, event order.</summary>
public sealed class OrderTrackerTests
{
    private readonly TimerCountingClock _clock = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ScriptedOrderFeed _feed = new();

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
        _feed.Active = [Observed(3, "open", 0)];
        await using var tracker = await StartedAsync();
        await tracker.StartAsync();
        Assert.Equal(1, _feed.Fetches);
        Assert.Equal(1, _feed.Subscriptions);

        _feed.Active = [];
        _feed.Inactive = [Observed(3, "filled", 5)];
        await _feed.ResubscribedAsync();

        Assert.Equal(2, _feed.Fetches);
        Assert.Equal(OrderState.Filled, tracker.FindByOrderIndex(3)!.State);
    }

    [Fact]
    public async Task Reconciliation_reads_inactive_pages_until_every_order_held_open_is_found()
    {
        // Orders 1..3 open; while disconnected order 2 finished, followed by far more than one page of other orders.
        _feed.Active = [Observed(1, "open", 0), Observed(2, "open", 0), Observed(3, "open", 0)];
        await using var tracker = await StartedAsync();
        var othersFinishedSince = Enumerable.Range(0, OrderTracker.RecentInactive * 3).Select(i => Observed(1_000 + i, "canceled", 0));
        _feed.Active = [Observed(1, "open", 0), Observed(3, "open", 0)];
        _feed.Inactive = [.. othersFinishedSince, Observed(2, "filled", 5), .. Enumerable.Range(0, 500).Select(i => Observed(5_000 + i, "filled", 5))];

        await _feed.ResubscribedAsync();

        Assert.Equal(OrderState.Filled, tracker.FindByOrderIndex(2)!.State);
        Assert.Equal([1L, 3L], tracker.OpenOrders.Select(o => o.OrderIndex!.Value));
        Assert.Equal(OrderTracker.RecentInactive * 3 + 1, _feed.InactiveRead); // stopped at order 2, not at the end
    }

    [Fact]
    public async Task Reconciliation_reads_the_recent_inactive_orders_even_when_nothing_is_missing()
    {
        _feed.Inactive = [.. Enumerable.Range(0, OrderTracker.RecentInactive * 2).Select(i => Observed(100 + i, "canceled", 0))];

        await using var tracker = await StartedAsync();

        Assert.Equal(OrderTracker.RecentInactive, _feed.InactiveRead);
        Assert.Equal(OrderTracker.RecentInactive, tracker.Orders.Count);
    }

    [Fact]
    public async Task Reconciliation_gives_up_looking_for_a_missing_order_after_the_scan_limit()
    {
        _feed.Active = [Observed(1, "open", 0)];
        await using var tracker = await StartedAsync();
        _feed.Active = [];
        _feed.Inactive = [.. Enumerable.Range(0, OrderTracker.MaxInactiveScan * 2).Select(i => Observed(100 + i, "canceled", 0))];

        await _feed.ResubscribedAsync();

        Assert.Equal(OrderTracker.MaxInactiveScan, _feed.InactiveRead);
        Assert.Equal(OrderState.Open, tracker.FindByOrderIndex(1)!.State); // not found: left as the stream last said
    }

    [Fact]
    public async Task An_order_the_stream_shows_during_the_active_read_is_not_searched_for_among_finished_ones()
    {
        await using var tracker = await StartedAsync();
        _feed.Inactive = [.. Enumerable.Range(0, OrderTracker.RecentInactive * 3).Select(i => Observed(100 + i, "canceled", 0))];
        _feed.DuringActiveRead = () => _feed.Push(Observed(9, "open", 0)); // placed after the exchange answered

        await _feed.ResubscribedAsync();

        Assert.Equal(OrderTracker.RecentInactive, _feed.InactiveRead);
        Assert.Equal(OrderState.Open, tracker.FindByOrderIndex(9)!.State);
    }

    [Fact]
    public async Task A_reconciliation_that_fails_is_retried_with_backoff_until_it_succeeds()
    {
        _feed.Active = [Observed(3, "open", 0, clientOrderIndex: 30)];
        await using var tracker = await StartedAsync();
        _feed.Active = [];
        _feed.Inactive = [Observed(3, "filled", 5, clientOrderIndex: 30)];
        _feed.FailingReads = 2;
        var filled = tracker.WaitForAsync(30, o => o.State == OrderState.Filled);

        await Assert.ThrowsAsync<LighterApiException>(_feed.ResubscribedAsync); // the pump logs this one
        var armed = _clock.TimersCreated; // the first retry's timer
        Assert.Equal(2, _feed.Fetches);
        _clock.Advance(RetryingRefresh.FirstDelay - TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, _feed.Fetches);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await _feed.FetchesReachedAsync(3); // fails again: the next try waits twice as long
        await _clock.TimersCreatedAsync(armed + 1);
        _clock.Advance(RetryingRefresh.FirstDelay * 2 - TimeSpan.FromMilliseconds(1));
        Assert.Equal(3, _feed.Fetches);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(OrderState.Filled, (await filled.WaitAsync(TimeSpan.FromSeconds(10))).State);
        Assert.Equal(4, _feed.Fetches);
        _clock.Advance(RetryingRefresh.MaxDelay * 2);
        Assert.Equal(4, _feed.Fetches); // reconciled: no more tries
    }

    [Fact]
    public async Task Disposing_the_tracker_stops_the_retries()
    {
        await using var tracker = await StartedAsync();
        _feed.FailingReads = int.MaxValue;
        await Assert.ThrowsAsync<LighterApiException>(_feed.ResubscribedAsync);
        var armed = _clock.TimersCreated;
        _clock.Advance(RetryingRefresh.FirstDelay);
        await _feed.FetchesReachedAsync(3);
        await _clock.TimersCreatedAsync(armed + 1); // retrying, and waiting for the next try

        await tracker.DisposeAsync();
        _clock.Advance(RetryingRefresh.MaxDelay * 4);

        Assert.Equal(3, _feed.Fetches);
    }

    [Fact]
    public async Task An_order_finished_between_the_two_reads_ends_final()
    {
        _feed.Active = [Observed(4, "open", 0)];
        _feed.Inactive = [Observed(4, "filled", 5)];

        await using var tracker = await StartedAsync();

        Assert.Equal(OrderState.Filled, tracker.FindByOrderIndex(4)!.State);
    }

    private async Task<OrderTracker> StartedAsync()
    {
        var tracker = new OrderTracker(_feed, _clock);
        await tracker.StartAsync();
        return tracker;
    }

    private static OrderObservation Observed(long orderIndex, string status, decimal filled, long clientOrderIndex = 0) =>
        new(orderIndex, clientOrderIndex, 0, OrderSide.Sell, 3000m, 5m, filled, 5m - filled, status);
}
