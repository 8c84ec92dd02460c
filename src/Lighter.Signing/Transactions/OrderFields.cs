namespace Lighter.Signing.Transactions;

/// <summary>
/// The ten order fields shared by <see cref="CreateOrder"/> and each <see cref="OrderInfo"/>, with their hashing,
/// JSON and the official per-order checks (lighter-go <c>OrderInfo</c>).
/// </summary>
internal readonly record struct OrderFields(
    short MarketIndex,
    long ClientOrderIndex,
    long BaseAmount,
    uint Price,
    OrderSide Side,
    OrderType Type,
    OrderTimeInForce TimeInForce,
    bool ReduceOnly,
    uint TriggerPrice,
    long OrderExpiry)
{
    /// <summary>The wire flag: true for a sell.</summary>
    public bool IsAsk => Side == OrderSide.Sell;

    public bool IsPerps => TxLimits.IsPerpsMarket(MarketIndex);

    public bool IsSpot => TxLimits.IsSpotMarket(MarketIndex);

    public void Write(ref PreimageWriter writer)
    {
        writer.Add(MarketIndex);
        writer.Add(ClientOrderIndex);
        writer.Add(BaseAmount);
        writer.Add(Price);
        writer.Add(IsAsk);
        writer.Add((long)Type);
        writer.Add((long)TimeInForce);
        writer.Add(ReduceOnly);
        writer.Add(TriggerPrice);
        writer.Add(OrderExpiry);
    }

    public void Write(ref TxJsonWriter json)
    {
        json.Property("MarketIndex", MarketIndex);
        json.Property("ClientOrderIndex", ClientOrderIndex);
        json.Property("BaseAmount", BaseAmount);
        json.Property("Price", Price);
        json.Property("IsAsk", IsAsk);
        json.Property("Type", (long)Type);
        json.Property("TimeInForce", (long)TimeInForce);
        json.Property("ReduceOnly", ReduceOnly);
        json.Property("TriggerPrice", TriggerPrice);
        json.Property("OrderExpiry", OrderExpiry);
    }

    public void CheckClientOrderIndex()
    {
        if (ClientOrderIndex != 0)
        {
            TxErrors.FailIf(ClientOrderIndex < 1, TxErrors.ClientOrderIndexTooLow, nameof(ClientOrderIndex));
            TxErrors.FailIf(ClientOrderIndex > TxLimits.MaxClientOrderIndex, TxErrors.ClientOrderIndexTooHigh,
                nameof(ClientOrderIndex));
        }
    }

    /// <summary>BaseAmount, Price, TimeInForce, ReduceOnly and OrderExpiry ranges, in the official order.</summary>
    public void CheckRanges()
    {
        TxErrors.FailIf(!ReduceOnly && BaseAmount == 0, TxErrors.BaseAmountTooLow, nameof(BaseAmount));
        TxErrors.FailIf(BaseAmount < 0, TxErrors.BaseAmountTooLow, nameof(BaseAmount));
        TxErrors.FailIf(BaseAmount > TxLimits.MaxOrderBaseAmount, TxErrors.BaseAmountTooHigh, nameof(BaseAmount));
        TxErrors.FailIf(Price < 1, TxErrors.PriceTooLow, nameof(Price));
        TxErrors.FailIf(Side is not (OrderSide.Buy or OrderSide.Sell), TxErrors.IsAskInvalid, nameof(Side));
        TxErrors.FailIf(TimeInForce > OrderTimeInForce.PostOnly, TxErrors.TimeInForceInvalid, nameof(TimeInForce));
        TxErrors.FailIf(ReduceOnly && IsSpot, TxErrors.ReduceOnlyInvalid, nameof(ReduceOnly));
        TxErrors.FailIf(OrderExpiry < 0, TxErrors.OrderExpiryInvalid, nameof(OrderExpiry));
    }

    /// <summary>The per-type rules of a single order (CreateOrder).</summary>
    public void CheckTypeRules()
    {
        switch (Type)
        {
            case OrderType.Market:
            case OrderType.Limit:
                CheckParentRules();
                break;
            case OrderType.StopLoss or OrderType.TakeProfit or OrderType.StopLossLimit or OrderType.TakeProfitLimit:
                TxErrors.FailIf(!IsPerps, TxErrors.OrderTypeInvalid, nameof(Type));
                CheckChildRules();
                break;
            case OrderType.Twap:
                TxErrors.FailIf(TimeInForce != OrderTimeInForce.GoodTillTime, TxErrors.TimeInForceInvalid, nameof(TimeInForce));
                TxErrors.FailIf(TriggerPrice != 0, TxErrors.TriggerPriceInvalid, nameof(TriggerPrice));
                TxErrors.FailIf(OrderExpiry == 0, TxErrors.OrderExpiryInvalid, nameof(OrderExpiry));
                break;
            default:
                TxErrors.Fail(TxErrors.OrderTypeInvalid, nameof(Type));
                break;
        }
    }

    /// <summary>Rules of a limit or market order (also the parent of OTO / OTOCO groups).</summary>
    public void CheckParentRules()
    {
        if (Type == OrderType.Market)
        {
            TxErrors.FailIf(TimeInForce != OrderTimeInForce.ImmediateOrCancel, TxErrors.TimeInForceInvalid, nameof(TimeInForce));
            TxErrors.FailIf(OrderExpiry != 0, TxErrors.OrderExpiryInvalid, nameof(OrderExpiry));
            TxErrors.FailIf(TriggerPrice != 0, TxErrors.TriggerPriceInvalid, nameof(TriggerPrice));
        }
        else if (Type == OrderType.Limit)
        {
            TxErrors.FailIf(TriggerPrice != 0, TxErrors.TriggerPriceInvalid, nameof(TriggerPrice));
            var immediate = TimeInForce == OrderTimeInForce.ImmediateOrCancel;
            TxErrors.FailIf(immediate == (OrderExpiry != 0), TxErrors.OrderExpiryInvalid, nameof(OrderExpiry));
        }
        else
        {
            TxErrors.Fail(TxErrors.OrderTypeInvalid, nameof(Type));
        }
    }

    /// <summary>Rules of a stop-loss / take-profit order (also the children of OTO / OCO / OTOCO groups).</summary>
    public void CheckChildRules()
    {
        switch (Type)
        {
            case OrderType.StopLoss or OrderType.TakeProfit:
                TxErrors.FailIf(TimeInForce != OrderTimeInForce.ImmediateOrCancel, TxErrors.TimeInForceInvalid, nameof(TimeInForce));
                break;
            case OrderType.StopLossLimit or OrderType.TakeProfitLimit:
                break;
            default:
                TxErrors.Fail(TxErrors.OrderTypeInvalid, nameof(Type));
                break;
        }

        TxErrors.FailIf(TriggerPrice == 0, TxErrors.TriggerPriceInvalid, nameof(TriggerPrice));
        TxErrors.FailIf(OrderExpiry == 0, TxErrors.OrderExpiryInvalid, nameof(OrderExpiry));
    }

    public bool IsStopLoss => Type is OrderType.StopLoss or OrderType.StopLossLimit;

    public bool IsTakeProfit => Type is OrderType.TakeProfit or OrderType.TakeProfitLimit;
}
