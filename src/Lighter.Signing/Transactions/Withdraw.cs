namespace Lighter.Signing.Transactions;

/// <summary>Withdraws an asset from the signing account to L1 (tx type 13).</summary>
public sealed record Withdraw : LighterTransaction
{
    /// <summary>Asset index, 1..62 (USDC is 3).</summary>
    public required short AssetIndex { get; init; }

    /// <summary>The balance to withdraw from.</summary>
    public RouteType RouteType { get; init; }

    /// <summary>Amount in the asset's smallest units, 1..2^60−1.</summary>
    public required ulong Amount { get; init; }

    /// <inheritdoc />
    public override TxType TxType => TxType.Withdraw;

    /// <inheritdoc />
    private protected override string AccountJsonName => "FromAccountIndex";

    /// <inheritdoc />
    private protected override void ValidateFields(in TxHeader header)
    {
        HeaderRules.Begin(header);
        HeaderRules.Asset(AssetIndex);
        TxErrors.FailIf(RouteType > RouteType.Spot, TxErrors.RouteTypeInvalid, nameof(RouteType));
        TxErrors.FailIf(Amount == 0, TxErrors.WithdrawalAmountTooLow, nameof(Amount));
        TxErrors.FailIf(Amount > TxLimits.MaxExchangeUsdc, TxErrors.WithdrawalAmountTooHigh, nameof(Amount));
        HeaderRules.NonceAndExpiry(header);
    }

    /// <inheritdoc />
    private protected override void WriteFields(ref PreimageWriter writer)
    {
        writer.Add(AssetIndex);
        writer.Add((long)RouteType);
        writer.AddSplit(Amount);
    }

    /// <inheritdoc />
    private protected override void WriteJsonFields(ref TxJsonWriter json, string l1Signature)
    {
        json.Property("AssetIndex", AssetIndex);
        json.Property("RouteType", (long)RouteType);
        json.Property("Amount", Amount);
    }
}
