using Lighter.Signing.Transactions;

namespace Lighter.Client.Tracking;

/// <summary>One order as the tracker knows it; immutable, a new instance per change.</summary>
public sealed record TrackedOrder
{
    /// <summary>The exchange's order index (null while <see cref="OrderState.Pending"/>).</summary>
    public long? OrderIndex { get; init; }

    /// <summary>The client order index the order was placed with.</summary>
    public long ClientOrderIndex { get; init; }

    /// <summary>The market.</summary>
    public short MarketId { get; init; }

    /// <summary>Buy or sell.</summary>
    public OrderSide Side { get; init; }

    /// <summary>Limit price in market units.</summary>
    public decimal Price { get; init; }

    /// <summary>Size when placed.</summary>
    public decimal InitialSize { get; init; }

    /// <summary>Size filled so far.</summary>
    public decimal FilledSize { get; init; }

    /// <summary>Size still open.</summary>
    public decimal RemainingSize { get; init; }

    /// <summary>Where the order stands.</summary>
    public OrderState State { get; init; }

    /// <summary>Hash of the transaction that placed it, when placed through this client.</summary>
    public string? TxHash { get; init; }

    /// <summary>The exchange's status text for a cancel or rejection (e.g. <c>canceled-post-only</c>), when it gives one.</summary>
    public string? Reason { get; init; }

    /// <summary>When the tracker last changed this order (client clock).</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>True once the order can no longer change.</summary>
    public bool IsFinal => State is OrderState.Filled or OrderState.Cancelled or OrderState.Rejected or OrderState.Expired;
}
