namespace Lighter.Signing.Transactions;

/// <summary>Which orders count as "self" for self-trade prevention (attribute 7).</summary>
public enum SelfTradeEquality : byte
{
    /// <summary>Same account index; the exchange default.</summary>
    AccountIndex = 0,

    /// <summary>Same master account (covers all sub-accounts).</summary>
    MasterAccountIndex = 1,
}
