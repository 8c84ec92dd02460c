namespace Lighter.Signing.Transactions;

/// <summary>Cancels one order (tx type 15).</summary>
public sealed record CancelOrder : LighterTransaction
{
    /// <summary>Market index: perps 0..254, spot 2048..4094.</summary>
    public required short MarketIndex { get; init; }

    /// <summary>The order's client order index (1..2^48−1) or exchange order index (2^48..2^60−1).</summary>
    public required long Index { get; init; }

    /// <inheritdoc />
    public override TxType TxType => TxType.CancelOrder;

    /// <inheritdoc />
    private protected override void ValidateFields(in TxHeader header)
    {
        HeaderRules.Account(header.AccountIndex);
        HeaderRules.ApiKey(header.ApiKeyIndex);
        OrderIndexRules.Market(MarketIndex);
        TxErrors.FailIf(Index < 1, TxErrors.OrderIndexTooLow, nameof(Index));
        TxErrors.FailIf(Index > TxLimits.MaxOrderIndex, TxErrors.OrderIndexTooHigh, nameof(Index));
        HeaderRules.NonceAndExpiry(header);
    }

    /// <inheritdoc />
    private protected override void WriteFields(ref PreimageWriter writer)
    {
        writer.Add(MarketIndex);
        writer.Add(Index);
    }

    /// <inheritdoc />
    private protected override void WriteJsonFields(ref TxJsonWriter json, string l1Signature)
    {
        json.Property("MarketIndex", MarketIndex);
        json.Property("Index", Index);
    }
}
