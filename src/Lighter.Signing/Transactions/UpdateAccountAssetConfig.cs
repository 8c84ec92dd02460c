namespace Lighter.Signing.Transactions;

/// <summary>Enables or disables an asset as margin for the account (tx type 42).</summary>
public sealed record UpdateAccountAssetConfig : LighterTransaction
{
    /// <summary>Asset index, 1..62.</summary>
    public required short AssetIndex { get; init; }

    /// <summary>Whether the asset counts as margin.</summary>
    public AssetMarginMode AssetMarginMode { get; init; }

    /// <inheritdoc />
    public override TxType TxType => TxType.UpdateAccountAssetConfig;

    /// <inheritdoc />
    private protected override void ValidateFields(in TxHeader header)
    {
        HeaderRules.Begin(header);
        HeaderRules.Asset(AssetIndex);

        // The official code reports the generic margin-mode text here.
        TxErrors.FailIf(AssetMarginMode > AssetMarginMode.Enabled, TxErrors.MarginModeInvalid, nameof(AssetMarginMode));
        HeaderRules.NonceAndExpiry(header);
    }

    /// <inheritdoc />
    private protected override void WriteFields(ref PreimageWriter writer)
    {
        writer.Add(AssetIndex);
        writer.Add((long)AssetMarginMode);
    }

    /// <inheritdoc />
    private protected override void WriteJsonFields(ref TxJsonWriter json, string l1Signature)
    {
        json.Property("AssetIndex", AssetIndex);
        json.Property("AssetMarginMode", (long)AssetMarginMode);
    }
}
