namespace Lighter.Signing.Transactions;

/// <summary>Market checks shared by the order-addressing transactions.</summary>
internal static class OrderIndexRules
{
    /// <summary>A perps (0..254) or spot (2048..4094) market.</summary>
    public static void Market(short marketIndex) =>
        TxErrors.FailIf(!TxLimits.IsPerpsMarket(marketIndex) && !TxLimits.IsSpotMarket(marketIndex),
            TxErrors.InvalidMarketIndex, "MarketIndex");
}
