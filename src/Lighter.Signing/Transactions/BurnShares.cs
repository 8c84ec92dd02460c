namespace Lighter.Signing.Transactions;

/// <summary>Sells shares of a public pool (tx type 19).</summary>
public sealed record BurnShares : LighterTransaction
{
    /// <summary>The pool's account index, 2^47..2^48−2.</summary>
    public required long PublicPoolIndex { get; init; }

    /// <summary>Number of shares, 1..2^60−1.</summary>
    public required long ShareAmount { get; init; }

    /// <inheritdoc />
    public override TxType TxType => TxType.BurnShares;

    /// <inheritdoc />
    private protected override void ValidateFields(in TxHeader header)
    {
        HeaderRules.Begin(header);
        PoolRules.Shares(PublicPoolIndex, nameof(PublicPoolIndex), TxErrors.PublicPoolIndexTooLow, TxErrors.PublicPoolIndexTooHigh,
            ShareAmount, TxErrors.BurnShareAmountTooLow, TxErrors.BurnShareAmountTooHigh);
        HeaderRules.NonceAndExpiry(header);
    }

    /// <inheritdoc />
    private protected override void WriteFields(ref PreimageWriter writer)
    {
        writer.Add(PublicPoolIndex);
        writer.Add(ShareAmount);
    }

    /// <inheritdoc />
    private protected override void WriteJsonFields(ref TxJsonWriter json, string l1Signature)
    {
        json.Property("PublicPoolIndex", PublicPoolIndex);
        json.Property("ShareAmount", ShareAmount);
    }
}
