using Lighter.Client.Streaming.Messages;
using Microsoft.Extensions.Logging;

namespace Lighter.Client.Tracking;

/// <summary>Orders of the client's account: <c>account_all_orders</c> live, <c>accountActiveOrders</c>/<c>accountInactiveOrders</c> to reconcile.</summary>
internal sealed class ClientOrderFeed(LighterClient client, long account, ILogger logger) : IOrderFeed
{
    /// <summary>How many recent inactive orders a reconciliation reads (the most the endpoint returns per page).</summary>
    internal const int InactiveLimit = 100;

    public async Task<IReadOnlyList<OrderObservation>> FetchAsync(CancellationToken cancellationToken)
    {
        var active = await client.Order.AccountActiveOrdersAsync(account, cancellationToken: cancellationToken).ConfigureAwait(false);
        var inactive = await client.Order.AccountInactiveOrdersAsync(account, InactiveLimit, cancellationToken: cancellationToken).ConfigureAwait(false);

        // Inactive first: an order that finished between the two reads is then seen final last.
        return [.. inactive.Items.Reverse().Concat(active.Items).Select(OrderObservation.From).OfType<OrderObservation>()];
    }

    public async Task<IAsyncDisposable> SubscribeAsync(Action<IReadOnlyList<OrderObservation>> onOrders, Func<CancellationToken, Task> onResubscribed, CancellationToken cancellationToken)
    {
        var subscription = await client.Streams.SubscribeAsync(LighterChannels.AccountAllOrders(account), cancellationToken).ConfigureAwait(false);
        return new StreamPump<AccountAllOrdersChannelMessage>(subscription, async (message, ct) =>
        {
            switch (message)
            {
                case AccountAllOrdersSubscribed subscribed:
                    onOrders(Observe(subscribed.Orders));

                    // A (re)subscription: changes while disconnected are only in REST.
                    await onResubscribed(ct).ConfigureAwait(false);
                    break;
                case AccountAllOrdersUpdate update:
                    onOrders(Observe(update.Orders));
                    break;
            }
        }, ex => logger.LogWarning(ex, "Order tracking for account {Account}: stream or reconciliation failed", account));
    }

    private static OrderObservation[] Observe(IReadOnlyList<WsOrder>? orders) =>
        orders is null ? [] : [.. orders.Select(OrderObservation.From).OfType<OrderObservation>()];
}
