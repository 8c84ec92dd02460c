namespace Lighter.Signing.Transactions;

/// <summary>Changes the account's trading mode (tx type 41).</summary>
public sealed record UpdateAccountConfig : LighterTransaction
{
    /// <summary>Account trading mode, 0 or 1.</summary>
    public required byte AccountTradingMode { get; init; }

    /// <inheritdoc />
    public override TxType TxType => TxType.UpdateAccountConfig;

    /// <inheritdoc />
    private protected override void ValidateFields(in TxHeader header)
    {
        HeaderRules.Begin(header);
        TxErrors.FailIf(AccountTradingMode > 1, TxErrors.AccountTradingModeInvalid, nameof(AccountTradingMode));
        HeaderRules.NonceAndExpiry(header);
    }

    /// <inheritdoc />
    private protected override void WriteFields(ref PreimageWriter writer) => writer.Add(AccountTradingMode);

    /// <inheritdoc />
    private protected override void WriteJsonFields(ref TxJsonWriter json, string l1Signature) =>
        json.Property("AccountTradingMode", AccountTradingMode);
}
