namespace Lighter.Signing.Transactions;

/// <summary>Sets a market's initial margin fraction (leverage) and margin mode (tx type 20).</summary>
public sealed record UpdateLeverage : LighterTransaction
{
    /// <summary>Market index (any but 255).</summary>
    public required short MarketIndex { get; init; }

    /// <summary>Initial margin fraction in 1/10,000, 1..10,000 (e.g. 500 = 5% = 20x).</summary>
    public required ushort InitialMarginFraction { get; init; }

    /// <summary>Cross or isolated margin.</summary>
    public MarginMode MarginMode { get; init; }

    /// <inheritdoc />
    public override TxType TxType => TxType.UpdateLeverage;

    /// <inheritdoc />
    private protected override void ValidateFields(in TxHeader header)
    {
        HeaderRules.Begin(header);
        TxErrors.FailIf(MarketIndex == TxLimits.NilMarketIndex, TxErrors.InvalidMarketIndex, nameof(MarketIndex));
        TxErrors.FailIf(MarginMode > MarginMode.Isolated, TxErrors.MarginModeInvalid, nameof(MarginMode));
        TxErrors.FailIf(InitialMarginFraction == 0, TxErrors.InitialMarginFractionTooLow, nameof(InitialMarginFraction));
        TxErrors.FailIf(InitialMarginFraction > TxLimits.MarginFractionTick, TxErrors.InitialMarginFractionTooHigh,
            nameof(InitialMarginFraction));
        HeaderRules.NonceAndExpiry(header);
    }

    /// <inheritdoc />
    private protected override void WriteFields(ref PreimageWriter writer)
    {
        writer.Add(MarketIndex);
        writer.Add(InitialMarginFraction);
        writer.Add((long)MarginMode);
    }

    /// <inheritdoc />
    private protected override void WriteJsonFields(ref TxJsonWriter json, string l1Signature)
    {
        json.Property("MarketIndex", MarketIndex);
        json.Property("InitialMarginFraction", InitialMarginFraction);
        json.Property("MarginMode", (long)MarginMode);
    }
}
