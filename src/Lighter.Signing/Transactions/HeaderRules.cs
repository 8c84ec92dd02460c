namespace Lighter.Signing.Transactions;

/// <summary>The official checks of the <see cref="TxHeader"/> fields, shared by every transaction type.</summary>
internal static class HeaderRules
{
    /// <summary>AccountIndex ∈ [−1, max], reported with the <c>AccountIndex…</c> texts.</summary>
    public static void Account(long accountIndex, long max = TxLimits.MaxAccountIndex)
    {
        TxErrors.FailIf(accountIndex < TxLimits.MinAccountIndex, TxErrors.AccountIndexTooLow, "AccountIndex");
        TxErrors.FailIf(accountIndex > max, TxErrors.AccountIndexTooHigh, "AccountIndex");
    }

    /// <summary>AccountIndex ∈ [−1, max], reported with the <c>FromAccountIndex…</c> texts (most types).</summary>
    public static void FromAccount(long accountIndex, long max = TxLimits.MaxAccountIndex)
    {
        TxErrors.FailIf(accountIndex < TxLimits.MinAccountIndex, TxErrors.FromAccountIndexTooLow, "AccountIndex");
        TxErrors.FailIf(accountIndex > max, TxErrors.FromAccountIndexTooHigh, "AccountIndex");
    }

    /// <summary>ApiKeyIndex ∈ [0, 254] (255, the nil key, only where the official code allows it).</summary>
    public static void ApiKey(byte apiKeyIndex, bool allowNil = false) =>
        TxErrors.FailIf(apiKeyIndex > TxLimits.MaxApiKeyIndex && !(allowNil && apiKeyIndex == TxLimits.NilApiKeyIndex),
            TxErrors.ApiKeyIndexTooHigh, "ApiKeyIndex");

    /// <summary>Nonce ≥ 0 and ExpiredAt ∈ [0, 2^48−1].</summary>
    public static void NonceAndExpiry(in TxHeader header)
    {
        TxErrors.FailIf(header.Nonce < 0, TxErrors.NonceTooLow, "Nonce");
        TxErrors.FailIf(header.ExpiredAt is < 0 or > TxLimits.MaxTimestamp, TxErrors.ExpiredAtInvalid, "ExpiredAt");
    }

    /// <summary>The opening checks of most types: account (with the <c>FromAccountIndex…</c> texts), API key.</summary>
    public static void Begin(in TxHeader header, long maxAccount = TxLimits.MaxAccountIndex)
    {
        FromAccount(header.AccountIndex, maxAccount);
        ApiKey(header.ApiKeyIndex);
    }

    /// <summary>AssetIndex ∈ [1, 62].</summary>
    public static void Asset(short assetIndex)
    {
        TxErrors.FailIf(assetIndex < TxLimits.MinAssetIndex, TxErrors.AssetIndexTooLow, "AssetIndex");
        TxErrors.FailIf(assetIndex > TxLimits.MaxAssetIndex, TxErrors.AssetIndexTooHigh, "AssetIndex");
    }
}
