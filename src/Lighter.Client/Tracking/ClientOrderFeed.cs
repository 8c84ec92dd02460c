using System.Runtime.CompilerServices;
using Lighter.Client.Api;
using Lighter.Client.Streaming.Messages;
using Microsoft.Extensions.Logging;

namespace Lighter.Client.Tracking;

/// <summary>Orders of the client's account: <c>account_all_orders</c> live, <c>accountActiveOrders</c>/<c>accountInactiveOrders</c> to reconcile.</summary>
internal sealed class ClientOrderFeed(LighterClient client, long account, ILogger logger) : IOrderFeed
{
    /// <summary>Orders per page of <c>accountInactiveOrders</c> (the most the endpoint returns).</summary>
    internal const int InactivePageSize = 100;

    public async Task<IReadOnlyList<OrderObservation>> FetchActiveAsync(CancellationToken cancellationToken)
    {
        var active = await client.Order.AccountActiveOrdersAsync(account, cancellationToken: cancellationToken).ConfigureAwait(false);
        return [.. active.Items.Select(OrderObservation.From).OfType<OrderObservation>()];
    }

    public async IAsyncEnumerable<OrderObservation> ReadInactiveAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pages = client.Order.EnumerateAccountInactiveOrdersAsync(account, InactivePageSize, cancellationToken: cancellationToken);
        await foreach (var order in pages.ConfigureAwait(false))
        {
            if (OrderObservation.From(order) is { } observed) yield return observed;
        }
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
        }, ex => logger.LogWarning(ex, "Order tracking for account {Account}: stream or reconciliation failed", account),
            onGap: onResubscribed); // dropped updates are a gap: reconcile as after a reconnect
    }

    private static OrderObservation[] Observe(IReadOnlyList<WsOrder>? orders) =>
        orders is null ? [] : [.. orders.Select(OrderObservation.From).OfType<OrderObservation>()];
}
