namespace Lighter.Signing.Transactions;

/// <summary>Adds USDC to or removes USDC from an isolated position (tx type 29).</summary>
public sealed record UpdateMargin : LighterTransaction
{
    /// <summary>Perps market index, 0..254.</summary>
    public required short MarketIndex { get; init; }

    /// <summary>USDC amount in micro-USDC, non-zero and ≤ 2^60−1 (the official code does not reject negatives).</summary>
    public required long UsdcAmount { get; init; }

    /// <summary>Add or remove.</summary>
    public MarginDirection Direction { get; init; }

    /// <inheritdoc />
    public override TxType TxType => TxType.UpdateMargin;

    /// <inheritdoc />
    private protected override void ValidateFields(in TxHeader header)
    {
        HeaderRules.Begin(header);
        TxErrors.FailIf(!TxLimits.IsPerpsMarket(MarketIndex), TxErrors.InvalidMarketIndex, nameof(MarketIndex));
        TxErrors.FailIf(UsdcAmount == 0, TxErrors.TransferAmountTooLow, nameof(UsdcAmount));
        TxErrors.FailIf(UsdcAmount > TxLimits.MaxExchangeUsdc, TxErrors.TransferAmountTooHigh, nameof(UsdcAmount));
        TxErrors.FailIf(Direction > MarginDirection.Add, TxErrors.MarginDirectionInvalid, nameof(Direction));
        HeaderRules.NonceAndExpiry(header);
    }

    /// <inheritdoc />
    private protected override void WriteFields(ref PreimageWriter writer)
    {
        // Low half masked, high half an arithmetic shift of the signed amount (as the official code).
        writer.Add(MarketIndex);
        writer.Add(UsdcAmount & 0xFFFF_FFFF);
        writer.Add(UsdcAmount >> 32);
        writer.Add((long)Direction);
    }

    /// <inheritdoc />
    private protected override void WriteJsonFields(ref TxJsonWriter json, string l1Signature)
    {
        json.Property("MarketIndex", MarketIndex);
        json.Property("USDCAmount", UsdcAmount);
        json.Property("Direction", (long)Direction);
    }
}
