namespace Lighter.Signing.Transactions;

/// <summary>The official OTO / OCO / OTOCO structure rules (lighter-go <c>ValidateOTO</c> etc.).</summary>
internal static class GroupedOrderRules
{
    public static void OneCancelsTheOther(IReadOnlyList<OrderInfo> orders)
    {
        Size(orders, 2);
        var (a, b) = (orders[0].Fields, orders[1].Fields);
        TxErrors.FailIf(a.BaseAmount != b.BaseAmount, TxErrors.BaseAmountsNotEqual, "BaseAmount");
        TxErrors.FailIf(a.IsAsk != b.IsAsk, TxErrors.IsAskInvalid, "Side");
        TxErrors.FailIf(!a.ReduceOnly || !b.ReduceOnly, TxErrors.ReduceOnlyInvalid, "ReduceOnly");
        TxErrors.FailIf(a.OrderExpiry != b.OrderExpiry, TxErrors.OrderExpiryInvalid, "OrderExpiry");
        Siblings(a, b);
    }

    public static void OneTriggersTheOther(IReadOnlyList<OrderInfo> orders)
    {
        Size(orders, 2);
        var (parent, child) = (orders[0].Fields, orders[1].Fields);
        TxErrors.FailIf(child.BaseAmount != 0, TxErrors.BaseAmountNotNil, "BaseAmount");
        TxErrors.FailIf(parent.IsAsk == child.IsAsk, TxErrors.IsAskInvalid, "Side");
        TxErrors.FailIf(parent.OrderExpiry != 0 && parent.OrderExpiry != child.OrderExpiry,
            TxErrors.OrderExpiryInvalid, "OrderExpiry");
        parent.CheckParentRules();
        child.CheckChildRules();
    }

    public static void OneTriggersOneCancelsTheOther(IReadOnlyList<OrderInfo> orders)
    {
        Size(orders, 3);
        var (parent, first, second) = (orders[0].Fields, orders[1].Fields, orders[2].Fields);
        TxErrors.FailIf(first.BaseAmount != 0 || second.BaseAmount != 0, TxErrors.BaseAmountNotNil, "BaseAmount");
        TxErrors.FailIf(parent.IsAsk == first.IsAsk || parent.IsAsk == second.IsAsk, TxErrors.IsAskInvalid, "Side");
        TxErrors.FailIf(first.OrderExpiry != second.OrderExpiry, TxErrors.OrderExpiryInvalid, "OrderExpiry");
        TxErrors.FailIf(parent.OrderExpiry != 0 && parent.OrderExpiry != first.OrderExpiry,
            TxErrors.OrderExpiryInvalid, "OrderExpiry");
        parent.CheckParentRules();
        Siblings(first, second);
    }

    private static void Size(IReadOnlyList<OrderInfo> orders, int expected) =>
        TxErrors.FailIf(orders.Count != expected, TxErrors.OrderGroupSizeInvalid, "Orders");

    /// <summary>An SL/TP pair: both valid child orders, one stop-loss type and one take-profit type.</summary>
    private static void Siblings(in OrderFields first, in OrderFields second)
    {
        first.CheckChildRules();
        second.CheckChildRules();
        var hasStopLoss = first.IsStopLoss || second.IsStopLoss;
        var hasTakeProfit = first.IsTakeProfit || second.IsTakeProfit;
        TxErrors.FailIf(!hasStopLoss || !hasTakeProfit, TxErrors.OrderTypeInvalid, "Type");
    }
}
