namespace Lighter.Signing.Transactions;

/// <summary>Order time-in-force.</summary>
public enum OrderTimeInForce : byte
{
    /// <summary>Fill what is possible now, cancel the rest.</summary>
    ImmediateOrCancel = 0,

    /// <summary>Rest on the book until the order expiry.</summary>
    GoodTillTime = 1,

    /// <summary>Rest on the book; rejected if it would take liquidity.</summary>
    PostOnly = 2,
}
