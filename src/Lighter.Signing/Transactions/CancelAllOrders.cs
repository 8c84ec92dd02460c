namespace Lighter.Signing.Transactions;

/// <summary>
/// Cancels all orders now, schedules a cancel-all (a dead man's switch), or aborts a scheduled one (tx type 16).
/// Attribute <see cref="TxAttributes.CancelAllMarketIndex"/> restricts an immediate cancel-all to one market.
/// </summary>
public sealed record CancelAllOrders : LighterTransaction
{
    /// <summary>Immediate, scheduled or abort.</summary>
    public CancelAllTimeInForce TimeInForce { get; init; }

    /// <summary>For <see cref="CancelAllTimeInForce.Scheduled"/>: Unix milliseconds of the cancel; otherwise 0.</summary>
    public long Time { get; init; }

    /// <inheritdoc />
    public override TxType TxType => TxType.CancelAllOrders;

    /// <inheritdoc />
    private protected override void ValidateFields(in TxHeader header)
    {
        HeaderRules.Account(header.AccountIndex);
        HeaderRules.ApiKey(header.ApiKeyIndex, allowNil: true);
        HeaderRules.NonceAndExpiry(header);
        TxErrors.FailIf(Attributes?.CancelAllMarketIndex is { } market && market != TxLimits.NilMarketIndex &&
                        TimeInForce != CancelAllTimeInForce.Immediate,
            TxErrors.CancelAllMarketCantBeScheduled, nameof(TimeInForce));
        switch (TimeInForce)
        {
            case CancelAllTimeInForce.Immediate or CancelAllTimeInForce.AbortScheduled:
                TxErrors.FailIf(Time != 0, TxErrors.CancelAllTimeNotNil, nameof(Time));
                break;
            case CancelAllTimeInForce.Scheduled:
                TxErrors.FailIf(Time < 1, TxErrors.CancelAllTimeNotInRange, nameof(Time));
                break;
            default:
                TxErrors.Fail(TxErrors.CancelAllTimeInForceInvalid, nameof(TimeInForce));
                break;
        }
    }

    /// <inheritdoc />
    private protected override void WriteFields(ref PreimageWriter writer)
    {
        writer.Add((long)TimeInForce);
        writer.Add(Time);
    }

    /// <inheritdoc />
    private protected override void WriteJsonFields(ref TxJsonWriter json, string l1Signature)
    {
        json.Property("TimeInForce", (long)TimeInForce);
        json.Property("Time", Time);
    }
}
