namespace Lighter.Signing.Transactions;

/// <summary>Order types a client may place (the exchange's internal TWAP-sub and liquidation types are rejected).</summary>
public enum OrderType : byte
{
    /// <summary>Limit order; IOC needs no expiry, GTT and post-only need one.</summary>
    Limit = 0,

    /// <summary>Market order: IOC, no expiry, no trigger.</summary>
    Market = 1,

    /// <summary>Stop-loss market order (perps only): IOC, trigger and expiry required.</summary>
    StopLoss = 2,

    /// <summary>Stop-loss limit order (perps only): trigger and expiry required.</summary>
    StopLossLimit = 3,

    /// <summary>Take-profit market order (perps only): IOC, trigger and expiry required.</summary>
    TakeProfit = 4,

    /// <summary>Take-profit limit order (perps only): trigger and expiry required.</summary>
    TakeProfitLimit = 5,

    /// <summary>TWAP order: GTT, no trigger, expiry required.</summary>
    Twap = 6,
}
