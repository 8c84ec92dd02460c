namespace Lighter.Client.Tracking;

/// <summary>Maps the exchange's <c>Order.status</c> text to <see cref="OrderState"/> and a reason.</summary>
internal static class OrderStatusMapping
{
    /// <summary>
    /// The state for a status. Cancels that can only happen when the order is placed (post-only would cross, reduce-only,
    /// margin, slippage, liquidity, balance) count as <see cref="OrderState.Rejected"/> when nothing filled.
    /// Null for a status this SDK does not know (the order is then left as it was).
    /// </summary>
    public static (OrderState State, string? Reason)? Map(string status, decimal filled) => status switch
    {
        "open" or "pending" or "in-progress" => (filled > 0 ? OrderState.PartiallyFilled : OrderState.Open, null),
        "filled" => (OrderState.Filled, null),
        "canceled" => (OrderState.Cancelled, status),
        "canceled-expired" => (OrderState.Expired, status),
        "canceled-post-only" or "canceled-reduce-only" or "canceled-position-not-allowed" or "canceled-margin-not-allowed"
            or "canceled-too-much-slippage" or "canceled-not-enough-liquidity" or "canceled-invalid-balance"
            => (filled > 0 ? OrderState.Cancelled : OrderState.Rejected, status),
        _ when status.StartsWith("canceled", StringComparison.Ordinal) => (OrderState.Cancelled, status),
        _ => null,
    };
}
