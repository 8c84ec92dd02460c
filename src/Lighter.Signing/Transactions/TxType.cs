namespace Lighter.Signing.Transactions;

/// <summary>
/// The exchange's transaction type numbers for the 20 client-signed L2 transactions (the <c>tx_type</c> sent with
/// <c>sendTx</c> and the second hashed element of every transaction).
/// </summary>
public enum TxType : byte
{
    /// <summary>Registers a new API public key (needs an L1 signature).</summary>
    ChangePubKey = 8,

    /// <summary>Creates a sub-account of a master account.</summary>
    CreateSubAccount = 9,

    /// <summary>Creates a public pool operated by the account.</summary>
    CreatePublicPool = 10,

    /// <summary>Updates a public pool's status, fee or minimum operator share.</summary>
    UpdatePublicPool = 11,

    /// <summary>Transfers an asset between accounts (needs an L1 signature).</summary>
    Transfer = 12,

    /// <summary>Withdraws an asset to L1.</summary>
    Withdraw = 13,

    /// <summary>Places an order.</summary>
    CreateOrder = 14,

    /// <summary>Cancels one order.</summary>
    CancelOrder = 15,

    /// <summary>Cancels all orders, now or on a schedule.</summary>
    CancelAllOrders = 16,

    /// <summary>Modifies a resting order.</summary>
    ModifyOrder = 17,

    /// <summary>Buys shares of a public pool.</summary>
    MintShares = 18,

    /// <summary>Sells shares of a public pool.</summary>
    BurnShares = 19,

    /// <summary>Changes a market's leverage (initial margin fraction) and margin mode.</summary>
    UpdateLeverage = 20,

    /// <summary>Places 2 or 3 linked orders (OTO, OCO, OTOCO).</summary>
    CreateGroupedOrders = 28,

    /// <summary>Moves USDC into or out of an isolated position.</summary>
    UpdateMargin = 29,

    /// <summary>Stakes into a staking pool.</summary>
    StakeAssets = 35,

    /// <summary>Unstakes from a staking pool.</summary>
    UnstakeAssets = 36,

    /// <summary>Changes the account's trading mode.</summary>
    UpdateAccountConfig = 41,

    /// <summary>Enables or disables an asset as margin.</summary>
    UpdateAccountAssetConfig = 42,

    /// <summary>Approves (or revokes) an integrator's maximum fees (needs an L1 signature).</summary>
    ApproveIntegrator = 45,
}
