namespace Lighter.Signing.Transactions;

/// <summary>Creates a public pool operated by the signing master account (tx type 10).</summary>
public sealed record CreatePublicPool : LighterTransaction
{
    /// <summary>Operator fee in millionths, 0..1,000,000.</summary>
    public required long OperatorFee { get; init; }

    /// <summary>Initial shares, 1..10^12.</summary>
    public required long InitialTotalShares { get; init; }

    /// <summary>Minimum share of the pool the operator keeps, in 1/10,000 (≤ 10,000).</summary>
    public required ushort MinOperatorShareRate { get; init; }

    /// <inheritdoc />
    public override TxType TxType => TxType.CreatePublicPool;

    /// <inheritdoc />
    private protected override void ValidateFields(in TxHeader header)
    {
        HeaderRules.Begin(header, TxLimits.MaxMasterAccountIndex);
        PoolRules.OperatorFee(OperatorFee);
        TxErrors.FailIf(InitialTotalShares <= 0, TxErrors.PoolInitialTotalSharesTooLow, nameof(InitialTotalShares));
        TxErrors.FailIf(InitialTotalShares > TxLimits.MaxInitialTotalShares, TxErrors.PoolInitialTotalSharesTooHigh,
            nameof(InitialTotalShares));
        PoolRules.MinOperatorShareRate(MinOperatorShareRate);
        HeaderRules.NonceAndExpiry(header);
    }

    /// <inheritdoc />
    private protected override void WriteFields(ref PreimageWriter writer)
    {
        writer.Add(OperatorFee);
        writer.Add(InitialTotalShares);
        writer.Add(MinOperatorShareRate);
    }

    /// <inheritdoc />
    private protected override void WriteJsonFields(ref TxJsonWriter json, string l1Signature)
    {
        json.Property("OperatorFee", OperatorFee);
        json.Property("InitialTotalShares", InitialTotalShares);
        json.Property("MinOperatorShareRate", MinOperatorShareRate);
    }
}
