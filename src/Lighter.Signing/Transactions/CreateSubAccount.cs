namespace Lighter.Signing.Transactions;

/// <summary>Creates a sub-account of the signing master account (tx type 9). It has no fields of its own.</summary>
public sealed record CreateSubAccount : LighterTransaction
{
    /// <inheritdoc />
    public override TxType TxType => TxType.CreateSubAccount;

    /// <inheritdoc />
    private protected override void ValidateFields(in TxHeader header)
    {
        HeaderRules.Begin(header, TxLimits.MaxMasterAccountIndex);
        HeaderRules.NonceAndExpiry(header);
    }

    /// <inheritdoc />
    private protected override void WriteFields(ref PreimageWriter writer)
    {
    }

    /// <inheritdoc />
    private protected override void WriteJsonFields(ref TxJsonWriter json, string l1Signature)
    {
    }
}
