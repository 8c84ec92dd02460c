namespace Lighter.Signing.Transactions;

/// <summary>Places an order (tx type 14).</summary>
public sealed record CreateOrder : LighterTransaction
{
    /// <summary>Market index: perps 0..254, spot 2048..4094.</summary>
    public required short MarketIndex { get; init; }

    /// <summary>Your id for the order, 1..2^48−1, or 0 for none.</summary>
    public long ClientOrderIndex { get; init; }

    /// <summary>Size in the market's base units, 1..2^48−1 (0 only for reduce-only orders).</summary>
    public required long BaseAmount { get; init; }

    /// <summary>Limit price in the market's price units (1..2^32−1; the worst price for market orders).</summary>
    public required uint Price { get; init; }

    /// <summary>Buy or sell (the wire's <c>IsAsk</c>).</summary>
    public OrderSide Side { get; init; }

    /// <summary>Order type.</summary>
    public OrderType Type { get; init; }

    /// <summary>Time in force.</summary>
    public OrderTimeInForce TimeInForce { get; init; }

    /// <summary>True for a reduce-only order (perps only).</summary>
    public bool ReduceOnly { get; init; }

    /// <summary>Trigger price for stop-loss / take-profit orders, 0 for none.</summary>
    public uint TriggerPrice { get; init; }

    /// <summary>
    /// Unix milliseconds when a resting order expires; 0 for IOC orders (see <see cref="TxDefaults.OrderExpiry"/>
    /// for the official 28-day default).
    /// </summary>
    public long OrderExpiry { get; init; }

    /// <inheritdoc />
    public override TxType TxType => TxType.CreateOrder;

    private OrderFields Fields => new(MarketIndex, ClientOrderIndex, BaseAmount, Price, Side, Type, TimeInForce,
        ReduceOnly, TriggerPrice, OrderExpiry);

    /// <inheritdoc />
    private protected override void ValidateFields(in TxHeader header)
    {
        HeaderRules.Account(header.AccountIndex);
        HeaderRules.ApiKey(header.ApiKeyIndex);
        var order = Fields;
        TxErrors.FailIf(!order.IsPerps && !order.IsSpot, TxErrors.InvalidMarketIndex, nameof(MarketIndex));
        order.CheckClientOrderIndex();
        order.CheckRanges();
        order.CheckTypeRules();
        HeaderRules.NonceAndExpiry(header);
    }

    /// <inheritdoc />
    private protected override void WriteFields(ref PreimageWriter writer) => Fields.Write(ref writer);

    /// <inheritdoc />
    private protected override void WriteJsonFields(ref TxJsonWriter json, string l1Signature) => Fields.Write(ref json);
}
