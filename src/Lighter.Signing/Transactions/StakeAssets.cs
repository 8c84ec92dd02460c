namespace Lighter.Signing.Transactions;

/// <summary>Stakes into a staking pool (tx type 35).</summary>
public sealed record StakeAssets : LighterTransaction
{
    /// <summary>The pool's account index, 2^47..2^48−2.</summary>
    public required long StakingPoolIndex { get; init; }

    /// <summary>Number of shares, 1..2^60−1.</summary>
    public required long ShareAmount { get; init; }

    /// <inheritdoc />
    public override TxType TxType => TxType.StakeAssets;

    /// <inheritdoc />
    private protected override void ValidateFields(in TxHeader header)
    {
        HeaderRules.Begin(header);
        PoolRules.Shares(StakingPoolIndex, nameof(StakingPoolIndex), TxErrors.StakingPoolIndexTooLow, TxErrors.StakingPoolIndexTooHigh,
            ShareAmount, TxErrors.StakeAmountTooLow, TxErrors.StakeAmountTooHigh);
        HeaderRules.NonceAndExpiry(header);
    }

    /// <inheritdoc />
    private protected override void WriteFields(ref PreimageWriter writer)
    {
        writer.Add(StakingPoolIndex);
        writer.Add(ShareAmount);
    }

    /// <inheritdoc />
    private protected override void WriteJsonFields(ref TxJsonWriter json, string l1Signature)
    {
        json.Property("StakingPoolIndex", StakingPoolIndex);
        json.Property("ShareAmount", ShareAmount);
    }
}
