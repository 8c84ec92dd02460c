using Lighter.Signing.L1;

namespace Lighter.Signing.Transactions;

/// <summary>
/// Approves an integrator to charge up to the given fees until <see cref="ApprovalExpiry"/>, or revokes the
/// approval with expiry 0 and all fees 0 (tx type 45). Needs an L1 signature of <see cref="GetL1Message"/>.
/// </summary>
public sealed record ApproveIntegrator : LighterTransaction, IL1SignedTransaction
{
    /// <summary>The integrator's account index, −1..2^48−2.</summary>
    public required long IntegratorAccountIndex { get; init; }

    /// <summary>Maximum perps taker fee in millionths (≤ 1,000,000).</summary>
    public uint MaxPerpsTakerFee { get; init; }

    /// <summary>Maximum perps maker fee in millionths (≤ 1,000,000).</summary>
    public uint MaxPerpsMakerFee { get; init; }

    /// <summary>Maximum spot taker fee in millionths (≤ 1,000,000).</summary>
    public uint MaxSpotTakerFee { get; init; }

    /// <summary>Maximum spot maker fee in millionths (≤ 1,000,000).</summary>
    public uint MaxSpotMakerFee { get; init; }

    /// <summary>Unix milliseconds when the approval ends (0..2^48−1; 0 revokes and needs all fees 0).</summary>
    public required long ApprovalExpiry { get; init; }

    /// <inheritdoc />
    public override TxType TxType => TxType.ApproveIntegrator;

    /// <inheritdoc />
    private protected override bool HasTrailingL1Signature => true;

    /// <inheritdoc />
    public string GetL1Message(LighterChainId chainId, in TxHeader header) =>
        L1Messages.ApproveIntegrator(this, chainId, header);

    /// <inheritdoc />
    private protected override void ValidateFields(in TxHeader header)
    {
        HeaderRules.Account(header.AccountIndex);
        HeaderRules.ApiKey(header.ApiKeyIndex);
        TxErrors.FailIf(IntegratorAccountIndex < TxLimits.MinAccountIndex, TxErrors.IntegratorAccountIndexTooLow,
            nameof(IntegratorAccountIndex));
        TxErrors.FailIf(IntegratorAccountIndex > TxLimits.MaxAccountIndex, TxErrors.IntegratorAccountIndexTooHigh,
            nameof(IntegratorAccountIndex));
        var feeTooHigh = MaxPerpsTakerFee > TxLimits.FeeTick ? nameof(MaxPerpsTakerFee)
            : MaxPerpsMakerFee > TxLimits.FeeTick ? nameof(MaxPerpsMakerFee)
            : MaxSpotTakerFee > TxLimits.FeeTick ? nameof(MaxSpotTakerFee)
            : MaxSpotMakerFee > TxLimits.FeeTick ? nameof(MaxSpotMakerFee)
            : null;
        TxErrors.FailIf(feeTooHigh is not null, TxErrors.FeeTooHigh, feeTooHigh!);
        var allFeesZero = (MaxPerpsTakerFee | MaxPerpsMakerFee | MaxSpotTakerFee | MaxSpotMakerFee) == 0;
        TxErrors.FailIf(ApprovalExpiry == 0 && !allFeesZero, TxErrors.ApprovalExpiryZeroOnRevocation, nameof(ApprovalExpiry));
        TxErrors.FailIf(ApprovalExpiry is < 0 or > TxLimits.MaxTimestamp, TxErrors.ApprovalExpiryInvalid, nameof(ApprovalExpiry));
        HeaderRules.NonceAndExpiry(header);
    }

    /// <inheritdoc />
    private protected override void WriteFields(ref PreimageWriter writer)
    {
        writer.Add(IntegratorAccountIndex);
        writer.Add(MaxPerpsTakerFee);
        writer.Add(MaxPerpsMakerFee);
        writer.Add(MaxSpotTakerFee);
        writer.Add(MaxSpotMakerFee);
        writer.Add(ApprovalExpiry);
    }

    /// <inheritdoc />
    private protected override void WriteJsonFields(ref TxJsonWriter json, string l1Signature)
    {
        json.Property("IntegratorAccountIndex", IntegratorAccountIndex);
        json.Property("MaxPerpsTakerFee", MaxPerpsTakerFee);
        json.Property("MaxPerpsMakerFee", MaxPerpsMakerFee);
        json.Property("MaxSpotTakerFee", MaxSpotTakerFee);
        json.Property("MaxSpotMakerFee", MaxSpotMakerFee);
        json.Property("ApprovalExpiry", ApprovalExpiry);
    }
}
