namespace Lighter.Client.Tracking;

/// <summary>Where a tracker's orders come from: REST for reconciliation, a stream for live changes.</summary>
internal interface IOrderFeed
{
    /// <summary>The account's active orders (REST).</summary>
    Task<IReadOnlyList<OrderObservation>> FetchActiveAsync(CancellationToken cancellationToken);

    /// <summary>The account's inactive orders, most recently finished first, read page by page as the caller reads on (REST).</summary>
    IAsyncEnumerable<OrderObservation> ReadInactiveAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Subscribes to the account's order stream. <paramref name="onOrders"/> gets each update's orders;
    /// <paramref name="onResubscribed"/> runs whenever changes may have been missed: on every subscription snapshot (the
    /// first and after each reconnect) and when the subscription dropped updates because the reader fell behind.
    /// </summary>
    Task<IAsyncDisposable> SubscribeAsync(Action<IReadOnlyList<OrderObservation>> onOrders, Func<CancellationToken, Task> onResubscribed, CancellationToken cancellationToken);
}
