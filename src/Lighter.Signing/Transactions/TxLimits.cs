namespace Lighter.Signing.Transactions;

/// <summary>The official range constants (lighter-go <c>txtypes/constants.go</c>).</summary>
internal static class TxLimits
{
    public const long MinAccountIndex = -1;
    public const long MaxAccountIndex = (1L << 48) - 2;
    public const long MaxMasterAccountIndex = (1L << 47) - 1;
    public const long MinSubAccountIndex = 1L << 47;
    public const byte MaxApiKeyIndex = 254;
    public const byte NilApiKeyIndex = 255;

    public const short MaxPerpsMarketIndex = 254;
    public const short NilMarketIndex = 255;
    public const short MinSpotMarketIndex = 2048;
    public const short MaxSpotMarketIndex = 4094;

    public const short MinAssetIndex = 1;
    public const short MaxAssetIndex = 62;

    public const long MaxTimestamp = (1L << 48) - 1;
    public const long MaxClientOrderIndex = (1L << 48) - 1;
    public const long MaxOrderIndex = (1L << 60) - 1;
    public const long MaxOrderBaseAmount = (1L << 48) - 1;
    public const long MaxExchangeUsdc = (1L << 60) - 1;
    public const long MaxPoolShares = (1L << 60) - 1;

    public const long FeeTick = 1_000_000;
    public const ushort MarginFractionTick = 10_000;
    public const ushort ShareTick = 10_000;
    public const long MaxInitialTotalShares = 1_000_000_000L * 1_000;
    public const int MaxGroupedOrders = 3;
    public const int MaxAttributes = 4;

    public static bool IsPerpsMarket(short market) => market is >= 0 and <= MaxPerpsMarketIndex;

    public static bool IsSpotMarket(short market) => market is >= MinSpotMarketIndex and <= MaxSpotMarketIndex;
}
