namespace Lighter.Signing.Transactions;

/// <summary>What happens when an order would trade against the same account (attribute 6).</summary>
public enum SelfTradeBehavior : byte
{
    /// <summary>Expire the resting (maker) order; the exchange default.</summary>
    ExpireMaker = 0,

    /// <summary>Expire the incoming (taker) order.</summary>
    ExpireTaker = 1,

    /// <summary>Cancel both orders.</summary>
    CancelBoth = 2,

    /// <summary>Reduce both orders by the overlapping size.</summary>
    Reduce = 3,
}
