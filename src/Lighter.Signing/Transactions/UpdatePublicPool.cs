namespace Lighter.Signing.Transactions;

/// <summary>Updates a public pool's status, operator fee and minimum operator share (tx type 11).</summary>
public sealed record UpdatePublicPool : LighterTransaction
{
    /// <summary>The pool's account index, −1..2^48−2.</summary>
    public required long PublicPoolIndex { get; init; }

    /// <summary>Pool status, 0 or 1.</summary>
    public byte Status { get; init; }

    /// <summary>Operator fee in millionths, 0..1,000,000.</summary>
    public required long OperatorFee { get; init; }

    /// <summary>Minimum share of the pool the operator keeps, in 1/10,000 (≤ 10,000).</summary>
    public required ushort MinOperatorShareRate { get; init; }

    /// <inheritdoc />
    public override TxType TxType => TxType.UpdatePublicPool;

    /// <inheritdoc />
    private protected override void ValidateFields(in TxHeader header)
    {
        HeaderRules.Begin(header);
        TxErrors.FailIf(PublicPoolIndex < TxLimits.MinAccountIndex, TxErrors.PublicPoolIndexTooLow, nameof(PublicPoolIndex));
        TxErrors.FailIf(PublicPoolIndex > TxLimits.MaxAccountIndex, TxErrors.PublicPoolIndexTooHigh, nameof(PublicPoolIndex));
        TxErrors.FailIf(Status > 1, TxErrors.PoolStatusInvalid, nameof(Status));
        PoolRules.OperatorFee(OperatorFee);
        PoolRules.MinOperatorShareRate(MinOperatorShareRate);
        HeaderRules.NonceAndExpiry(header);
    }

    /// <inheritdoc />
    private protected override void WriteFields(ref PreimageWriter writer)
    {
        writer.Add(PublicPoolIndex);
        writer.Add(Status);
        writer.Add(OperatorFee);
        writer.Add(MinOperatorShareRate);
    }

    /// <inheritdoc />
    private protected override void WriteJsonFields(ref TxJsonWriter json, string l1Signature)
    {
        json.Property("PublicPoolIndex", PublicPoolIndex);
        json.Property("Status", Status);
        json.Property("OperatorFee", OperatorFee);
        json.Property("MinOperatorShareRate", MinOperatorShareRate);
    }
}
