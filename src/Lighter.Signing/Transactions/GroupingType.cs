namespace Lighter.Signing.Transactions;

/// <summary>How the orders of a <see cref="CreateGroupedOrders"/> transaction are linked.</summary>
public enum GroupingType : byte
{
    /// <summary>One triggers the other: a parent limit/market order and one SL/TP child of size 0.</summary>
    OneTriggersTheOther = 1,

    /// <summary>One cancels the other: two reduce-only orders of equal size and side, one SL-type, one TP-type.</summary>
    OneCancelsTheOther = 2,

    /// <summary>One triggers a one-cancels-the-other pair: a parent and an SL/TP pair of size 0.</summary>
    OneTriggersOneCancelsTheOther = 3,
}
