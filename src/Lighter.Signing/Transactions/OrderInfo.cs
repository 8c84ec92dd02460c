namespace Lighter.Signing.Transactions;

/// <summary>One order of a <see cref="CreateGroupedOrders"/> transaction (the fields of a <see cref="CreateOrder"/>).</summary>
public sealed record OrderInfo
{
    /// <summary>Market index: perps 0..254 (grouped orders are perps only).</summary>
    public required short MarketIndex { get; init; }

    /// <summary>Your id for the order, 1..2^48−1, or 0 for none.</summary>
    public long ClientOrderIndex { get; init; }

    /// <summary>Size in the market's base units (0 only for reduce-only and for OTO/OTOCO children).</summary>
    public required long BaseAmount { get; init; }

    /// <summary>Limit price in the market's price units (1..2^32−1).</summary>
    public required uint Price { get; init; }

    /// <summary>Buy or sell (the wire's <c>IsAsk</c>).</summary>
    public OrderSide Side { get; init; }

    /// <summary>Order type.</summary>
    public OrderType Type { get; init; }

    /// <summary>Time in force.</summary>
    public OrderTimeInForce TimeInForce { get; init; }

    /// <summary>True for a reduce-only order.</summary>
    public bool ReduceOnly { get; init; }

    /// <summary>Trigger price for stop-loss / take-profit orders, 0 for none.</summary>
    public uint TriggerPrice { get; init; }

    /// <summary>Unix milliseconds when a resting order expires, 0 for none (see <see cref="TxDefaults"/>).</summary>
    public long OrderExpiry { get; init; }

    internal OrderFields Fields => new(MarketIndex, ClientOrderIndex, BaseAmount, Price, Side, Type, TimeInForce,
        ReduceOnly, TriggerPrice, OrderExpiry);
}
