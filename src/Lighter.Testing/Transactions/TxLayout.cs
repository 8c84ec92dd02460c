namespace Lighter.Testing.Transactions;

/// <summary>
/// How the exchange lays out each L2 transaction for hashing: after the common prefix
/// <c>[chainId, txType, Nonce, ExpiredAt]</c> come the named tx_info fields in this order, one field element
/// each, except 64-bit amounts that are split into their low and high 32-bit halves (signing notes §6.3).
/// The sandbox keeps its own table, written from the protocol description, so it checks the client's
/// encoding independently instead of trusting the same code that produced it.
/// </summary>
internal static class TxLayout
{
    /// <summary>A hashed field: the tx_info property name and whether it is split into lo/hi halves.</summary>
    internal readonly record struct Field(string Name, bool Split = false, bool PubKey = false);

    /// <summary>The transaction types whose layout the sandbox knows (grouped orders are not among them).</summary>
    internal static bool IsKnown(int txType) => Layouts.ContainsKey(txType);

    /// <summary>The name of the property holding the signing account (transfers and withdrawals use <c>FromAccountIndex</c>).</summary>
    internal static string AccountField(int txType) =>
        txType is TxTypes.Transfer or TxTypes.Withdraw ? "FromAccountIndex" : "AccountIndex";

    /// <summary>The hashed fields after the common prefix, in hashing order.</summary>
    internal static IReadOnlyList<Field> FieldsOf(int txType) => Layouts[txType];

    private static readonly Dictionary<int, Field[]> Layouts = new()
    {
        [TxTypes.ChangePubKey] = [new("AccountIndex"), new("ApiKeyIndex"), new("PubKey", PubKey: true)],
        [TxTypes.CreateSubAccount] = [new("AccountIndex"), new("ApiKeyIndex")],
        [TxTypes.CreatePublicPool] =
            [new("AccountIndex"), new("ApiKeyIndex"), new("OperatorFee"), new("InitialTotalShares"), new("MinOperatorShareRate")],
        [TxTypes.UpdatePublicPool] =
        [
            new("AccountIndex"), new("ApiKeyIndex"), new("PublicPoolIndex"), new("Status"), new("OperatorFee"),
            new("MinOperatorShareRate"),
        ],
        [TxTypes.Transfer] =
        [
            new("FromAccountIndex"), new("ApiKeyIndex"), new("ToAccountIndex"), new("AssetIndex"), new("FromRouteType"),
            new("ToRouteType"), new("Amount", Split: true), new("USDCFee", Split: true),
        ],
        [TxTypes.Withdraw] =
            [new("FromAccountIndex"), new("ApiKeyIndex"), new("AssetIndex"), new("RouteType"), new("Amount", Split: true)],
        [TxTypes.CreateOrder] =
        [
            new("AccountIndex"), new("ApiKeyIndex"), new("MarketIndex"), new("ClientOrderIndex"), new("BaseAmount"),
            new("Price"), new("IsAsk"), new("Type"), new("TimeInForce"), new("ReduceOnly"), new("TriggerPrice"),
            new("OrderExpiry"),
        ],
        [TxTypes.CancelOrder] = [new("AccountIndex"), new("ApiKeyIndex"), new("MarketIndex"), new("Index")],
        [TxTypes.CancelAllOrders] = [new("AccountIndex"), new("ApiKeyIndex"), new("TimeInForce"), new("Time")],
        [TxTypes.ModifyOrder] =
        [
            new("AccountIndex"), new("ApiKeyIndex"), new("MarketIndex"), new("Index"), new("BaseAmount"), new("Price"),
            new("TriggerPrice"),
        ],
        [TxTypes.MintShares] = [new("AccountIndex"), new("ApiKeyIndex"), new("PublicPoolIndex"), new("ShareAmount")],
        [TxTypes.BurnShares] = [new("AccountIndex"), new("ApiKeyIndex"), new("PublicPoolIndex"), new("ShareAmount")],
        [TxTypes.UpdateLeverage] =
            [new("AccountIndex"), new("ApiKeyIndex"), new("MarketIndex"), new("InitialMarginFraction"), new("MarginMode")],
        [TxTypes.UpdateMargin] =
        [
            new("AccountIndex"), new("ApiKeyIndex"), new("MarketIndex"), new("USDCAmount", Split: true), new("Direction"),
        ],
        [TxTypes.StakeAssets] = [new("AccountIndex"), new("ApiKeyIndex"), new("StakingPoolIndex"), new("ShareAmount")],
        [TxTypes.UnstakeAssets] = [new("AccountIndex"), new("ApiKeyIndex"), new("StakingPoolIndex"), new("ShareAmount")],
        [TxTypes.UpdateAccountConfig] = [new("AccountIndex"), new("ApiKeyIndex"), new("AccountTradingMode")],
        [TxTypes.UpdateAccountAssetConfig] =
            [new("AccountIndex"), new("ApiKeyIndex"), new("AssetIndex"), new("AssetMarginMode")],
        [TxTypes.ApproveIntegrator] =
        [
            new("AccountIndex"), new("ApiKeyIndex"), new("IntegratorAccountIndex"), new("MaxPerpsTakerFee"),
            new("MaxPerpsMakerFee"), new("MaxSpotTakerFee"), new("MaxSpotMakerFee"), new("ApprovalExpiry"),
        ],
    };
}

/// <summary>Transaction type numbers (lighter-go <c>constants.go</c>).</summary>
internal static class TxTypes
{
    internal const int ChangePubKey = 8;
    internal const int CreateSubAccount = 9;
    internal const int CreatePublicPool = 10;
    internal const int UpdatePublicPool = 11;
    internal const int Transfer = 12;
    internal const int Withdraw = 13;
    internal const int CreateOrder = 14;
    internal const int CancelOrder = 15;
    internal const int CancelAllOrders = 16;
    internal const int ModifyOrder = 17;
    internal const int MintShares = 18;
    internal const int BurnShares = 19;
    internal const int UpdateLeverage = 20;
    internal const int CreateGroupedOrders = 28;
    internal const int UpdateMargin = 29;
    internal const int StakeAssets = 35;
    internal const int UnstakeAssets = 36;
    internal const int UpdateAccountConfig = 41;
    internal const int UpdateAccountAssetConfig = 42;
    internal const int ApproveIntegrator = 45;
}
