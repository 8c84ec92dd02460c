using Lighter.Signing.L1;

namespace Lighter.Signing.Transactions;

/// <summary>
/// Transfers an asset from the signing account to another account (tx type 12). Needs an L1 signature of
/// <see cref="GetL1Message"/>; the <see cref="Memo"/> is covered only by that L1 message, not by the L2 hash.
/// </summary>
public sealed record Transfer : LighterTransaction, IL1SignedTransaction
{
    /// <summary>Memo length in bytes.</summary>
    public const int MemoLength = 32;

    private readonly byte[] _memo = new byte[MemoLength];

    /// <summary>The receiving account, −1..2^48−2.</summary>
    public required long ToAccountIndex { get; init; }

    /// <summary>Asset index, 1..62 (USDC is 3).</summary>
    public required short AssetIndex { get; init; }

    /// <summary>The sender's balance the asset leaves.</summary>
    public RouteType FromRouteType { get; init; }

    /// <summary>The receiver's balance the asset enters.</summary>
    public RouteType ToRouteType { get; init; }

    /// <summary>Amount in the asset's smallest units, 1..2^60−1.</summary>
    public required long Amount { get; init; }

    /// <summary>Fee in USDC units, 0..2^60−1.</summary>
    public long UsdcFee { get; init; }

    /// <summary>A 32-byte memo (zeros by default); the value is copied.</summary>
    public ReadOnlyMemory<byte> Memo
    {
        get => _memo;
        init
        {
            if (value.Length != MemoLength)
            {
                throw new LighterSigningException($"Memo must be exactly {MemoLength} bytes.", nameof(Memo));
            }

            _memo = value.ToArray();
        }
    }

    /// <inheritdoc />
    public override TxType TxType => TxType.Transfer;

    /// <inheritdoc />
    private protected override string AccountJsonName => "FromAccountIndex";

    /// <inheritdoc />
    private protected override bool HasTrailingL1Signature => true;

    /// <inheritdoc />
    public string GetL1Message(LighterChainId chainId, in TxHeader header) =>
        L1Messages.Transfer(this, chainId, header);

    /// <inheritdoc />
    private protected override void ValidateFields(in TxHeader header)
    {
        HeaderRules.FromAccount(header.AccountIndex);
        HeaderRules.ApiKey(header.ApiKeyIndex);
        TxErrors.FailIf(ToAccountIndex < TxLimits.MinAccountIndex, TxErrors.ToAccountIndexTooLow, nameof(ToAccountIndex));
        TxErrors.FailIf(ToAccountIndex > TxLimits.MaxAccountIndex, TxErrors.ToAccountIndexTooHigh, nameof(ToAccountIndex));
        HeaderRules.Asset(AssetIndex);
        TxErrors.FailIf(FromRouteType > RouteType.Spot, TxErrors.RouteTypeInvalid, nameof(FromRouteType));
        TxErrors.FailIf(ToRouteType > RouteType.Spot, TxErrors.RouteTypeInvalid, nameof(ToRouteType));
        TxErrors.FailIf(Amount <= 0, TxErrors.TransferAmountTooLow, nameof(Amount));
        TxErrors.FailIf(Amount > TxLimits.MaxExchangeUsdc, TxErrors.TransferAmountTooHigh, nameof(Amount));
        TxErrors.FailIf(UsdcFee < 0, TxErrors.TransferFeeNegative, nameof(UsdcFee));
        TxErrors.FailIf(UsdcFee > TxLimits.MaxExchangeUsdc, TxErrors.TransferFeeTooHigh, nameof(UsdcFee));
        HeaderRules.NonceAndExpiry(header);
    }

    /// <inheritdoc />
    private protected override void WriteFields(ref PreimageWriter writer)
    {
        writer.Add(ToAccountIndex);
        writer.Add(AssetIndex);
        writer.Add((long)FromRouteType);
        writer.Add((long)ToRouteType);
        writer.AddSplit((ulong)Amount);
        writer.AddSplit((ulong)UsdcFee);
    }

    /// <inheritdoc />
    private protected override void WriteJsonFields(ref TxJsonWriter json, string l1Signature)
    {
        json.Property("ToAccountIndex", ToAccountIndex);
        json.Property("AssetIndex", AssetIndex);
        json.Property("FromRouteType", (long)FromRouteType);
        json.Property("ToRouteType", (long)ToRouteType);
        json.Property("Amount", Amount);
        json.Property("USDCFee", UsdcFee);
        json.Name("Memo");
        json.StartArray();
        foreach (var b in _memo)
        {
            json.Value((long)b);
        }

        json.EndArray();
    }
}
