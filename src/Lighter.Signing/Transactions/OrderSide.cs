namespace Lighter.Signing.Transactions;

/// <summary>The side of an order. The wire form is the exchange's <c>IsAsk</c> flag: 0 for a buy, 1 for a sell.</summary>
public enum OrderSide : byte
{
    /// <summary>A bid: buys the base asset (<c>IsAsk</c> 0).</summary>
    Buy = 0,

    /// <summary>An ask: sells the base asset (<c>IsAsk</c> 1).</summary>
    Sell = 1,
}
