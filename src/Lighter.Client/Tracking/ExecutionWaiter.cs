using System.Net;
using System.Text.Json;
using Lighter.Client.Api;

namespace Lighter.Client.Tracking;

/// <summary>
/// Waits for a transaction's outcome: from the order tracker when it is running (the order placed by the transaction
/// leaves <see cref="OrderState.Pending"/>), otherwise by asking <c>GET tx</c> by hash every <see cref="PollInterval"/>
/// until the transaction is no longer pending (<see cref="TxStatusCodes"/>: failed is rejected);
/// for an order, its status then comes from <c>accountActiveOrders</c>/<c>accountInactiveOrders</c> (paged).
/// </summary>
internal sealed class ExecutionWaiter(LighterClient client, OrderTracker? tracker, long? account)
{
    /// <summary>Time between two <c>GET tx</c> look-ups.</summary>
    internal static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public async Task<ExecutionResult> WaitAsync(string txHash, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (FromTracker(txHash) is { } tracked) return tracked;
            if (await FromRestAsync(txHash, cancellationToken).ConfigureAwait(false) is { } looked) return looked;

            // Whichever answers first: the tracker showing the order, or the next poll.
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(PollInterval, client.TimeProvider, wake.Token);
            var shown = tracker is null
                ? Task.Delay(Timeout.Infinite, wake.Token)
                : tracker.WaitAsync(o => o.TxHash == txHash && o.State != OrderState.Pending, () => null, wake.Token);
            await Task.WhenAny(delay, shown).ConfigureAwait(false);
            await wake.CancelAsync().ConfigureAwait(false);
        }
    }

    private ExecutionResult? FromTracker(string txHash) =>
        tracker?.FindByTxHash(txHash) is { State: not OrderState.Pending } order ? FromOrder(order, txHash) : null;

    private static ExecutionResult FromOrder(TrackedOrder order, string txHash) => order.State == OrderState.Rejected
        ? new ExecutionResult(ExecutionStatus.Rejected, order.OrderIndex, order.Reason, txHash)
        : new ExecutionResult(ExecutionStatus.Executed, order.OrderIndex, null, txHash);

    private async Task<ExecutionResult?> FromRestAsync(string txHash, CancellationToken cancellationToken)
    {
        Models.EnrichedTx tx;
        try
        {
            tx = await client.Transaction.TxAsync(Models.TxBy.Hash, txHash, cancellationToken).ConfigureAwait(false);
        }
        catch (LighterApiException ex) when (ex.Code == LighterErrorCodes.TxNotFound || ex.StatusCode is HttpStatusCode.NotFound || ex.IsTransient)
        {
            return null; // Not indexed yet (or a passing fault): ask again.
        }

        switch (tx.Status)
        {
            case TxStatusCodes.Pending:
                return null; // queued, not executed yet: ask again
            case < TxStatusCodes.Executed:
                return new ExecutionResult(ExecutionStatus.Rejected, OrderIndexOf(tx.EventInfo), $"transaction failed (status {tx.Status})", txHash);
        }

        var orderIndex = OrderIndexOf(tx.EventInfo);
        if (orderIndex is null || account is null) return new ExecutionResult(ExecutionStatus.Executed, orderIndex, null, txHash);
        try
        {
            return await OrderOutcomeAsync(account.Value, orderIndex.Value, txHash, cancellationToken).ConfigureAwait(false);
        }
        catch (LighterApiException ex) when (ex.IsTransient)
        {
            return null; // the order look-up met a passing fault: ask again
        }
    }

    /// <summary>
    /// An executed order transaction: rejected when the order ended at once with a placement cancel (e.g.
    /// <c>canceled-post-only</c>). An order still active was accepted; otherwise its final status is looked up among
    /// the inactive orders, most recently finished first.
    /// </summary>
    private async Task<ExecutionResult> OrderOutcomeAsync(long accountIndex, long orderIndex, string txHash, CancellationToken cancellationToken)
    {
        var active = await client.Order.AccountActiveOrdersAsync(accountIndex, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (active.Items.All(o => o.OrderIndex != orderIndex))
        {
            var finished = client.Order.EnumerateAccountInactiveOrdersAsync(accountIndex, ClientOrderFeed.InactivePageSize, cancellationToken: cancellationToken)
                .Take(OrderTracker.MaxInactiveScan);
            await foreach (var order in finished.ConfigureAwait(false))
            {
                if (order.OrderIndex != orderIndex) continue;
                if (OrderObservation.From(order) is { } observed
                    && OrderStatusMapping.Map(observed.Status, observed.FilledSize) is { State: OrderState.Rejected, Reason: var reason })
                {
                    return new ExecutionResult(ExecutionStatus.Rejected, orderIndex, reason, txHash);
                }

                break;
            }
        }

        return new ExecutionResult(ExecutionStatus.Executed, orderIndex, null, txHash);
    }

    /// <summary>The order index in a tx's <c>event_info</c> (field <c>i</c>), when it names one.</summary>
    private static long? OrderIndexOf(string eventInfo)
    {
        if (string.IsNullOrWhiteSpace(eventInfo)) return null;
        try
        {
            using var doc = JsonDocument.Parse(eventInfo);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("i", out var i) && i.TryGetInt64(out var index)
                ? index
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
