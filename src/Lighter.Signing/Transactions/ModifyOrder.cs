namespace Lighter.Signing.Transactions;

/// <summary>Modifies a resting order's size, price or trigger (tx type 17).</summary>
public sealed record ModifyOrder : LighterTransaction
{
    /// <summary>Market index: perps 0..254, spot 2048..4094.</summary>
    public required short MarketIndex { get; init; }

    /// <summary>The order's client order index (1..2^48−1) or exchange order index (2^48..2^60−1).</summary>
    public required long Index { get; init; }

    /// <summary>New size, 1..2^48−1 (0 keeps none).</summary>
    public required long BaseAmount { get; init; }

    /// <summary>New price (1..2^32−1).</summary>
    public required uint Price { get; init; }

    /// <summary>New trigger price, 0 for none.</summary>
    public uint TriggerPrice { get; init; }

    /// <inheritdoc />
    public override TxType TxType => TxType.ModifyOrder;

    /// <inheritdoc />
    private protected override void ValidateFields(in TxHeader header)
    {
        HeaderRules.Account(header.AccountIndex);
        HeaderRules.ApiKey(header.ApiKeyIndex);
        OrderIndexRules.Market(MarketIndex);
        TxErrors.FailIf(Index < 1, TxErrors.ClientOrderIndexTooLow, nameof(Index));
        TxErrors.FailIf(Index > TxLimits.MaxOrderIndex, TxErrors.ClientOrderIndexTooHigh, nameof(Index));
        TxErrors.FailIf(BaseAmount < 0, TxErrors.BaseAmountTooLow, nameof(BaseAmount));
        TxErrors.FailIf(BaseAmount > TxLimits.MaxOrderBaseAmount, TxErrors.BaseAmountTooHigh, nameof(BaseAmount));
        TxErrors.FailIf(Price < 1, TxErrors.PriceTooLow, nameof(Price));
        HeaderRules.NonceAndExpiry(header);
    }

    /// <inheritdoc />
    private protected override void WriteFields(ref PreimageWriter writer)
    {
        writer.Add(MarketIndex);
        writer.Add(Index);
        writer.Add(BaseAmount);
        writer.Add(Price);
        writer.Add(TriggerPrice);
    }

    /// <inheritdoc />
    private protected override void WriteJsonFields(ref TxJsonWriter json, string l1Signature)
    {
        json.Property("MarketIndex", MarketIndex);
        json.Property("Index", Index);
        json.Property("BaseAmount", BaseAmount);
        json.Property("Price", Price);
        json.Property("TriggerPrice", TriggerPrice);
    }
}
