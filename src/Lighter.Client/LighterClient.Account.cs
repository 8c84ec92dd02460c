using Lighter.Client.Markets;
using Lighter.Client.Submission;
using Lighter.Signing.Transactions;

namespace Lighter.Client;

/// <summary>Account helpers; the remaining transaction types (sub-accounts, API keys, integrators, pools, staking,
/// account config) go through <see cref="SubmitAsync(LighterTransaction, long?, CancellationToken)"/> as they are.</summary>
public sealed partial class LighterClient
{
    private const int UsdcDecimals = 6;

    /// <summary>Sets a market's leverage (initial margin fraction = 10,000 / leverage, which must be a whole number).</summary>
    public Task<TxSubmission> UpdateLeverageAsync(short marketId, decimal leverage, MarginMode marginMode = MarginMode.Cross, CancellationToken cancellationToken = default)
    {
        if (leverage <= 0) throw new ArgumentOutOfRangeException(nameof(leverage), leverage, "leverage must be positive.");
        var fraction = 10_000m / leverage;
        if (fraction != decimal.Truncate(fraction) || fraction < 1 || fraction > 10_000)
        {
            throw new ArgumentException($"leverage {leverage} gives an initial margin fraction of {fraction}/10000, which is not a whole number in 1..10000.", nameof(leverage));
        }

        return SubmitAsync(new UpdateLeverage { MarketIndex = marketId, InitialMarginFraction = (ushort)fraction, MarginMode = marginMode }, cancellationToken: cancellationToken);
    }

    /// <summary>Adds or removes isolated margin, in USDC (6 decimals).</summary>
    public Task<TxSubmission> UpdateMarginAsync(short marketId, decimal usdc, MarginDirection direction, CancellationToken cancellationToken = default) =>
        SubmitAsync(new UpdateMargin
        {
            MarketIndex = marketId,
            UsdcAmount = MarketScaling.ToInteger(usdc, UsdcDecimals, 1, (1L << 60) - 1, nameof(usdc)),
            Direction = direction,
        }, cancellationToken: cancellationToken);

    /// <summary>Transfers an asset amount (in the asset's integer units: USDC 10^6, others 10^8) to another account.</summary>
    public Task<TxSubmission> TransferAsync(Transfer transfer, CancellationToken cancellationToken = default) =>
        SubmitAsync(transfer ?? throw new ArgumentNullException(nameof(transfer)), cancellationToken: cancellationToken);

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The exchange does not list the asset, or <paramref name="amount"/> has more
    /// decimals than the asset or is outside 1..2^60−1 units.</exception>
    public async Task<TxSubmission> WithdrawAsync(short assetIndex, decimal amount, RouteType routeType = RouteType.Perps, CancellationToken cancellationToken = default)
    {
        var details = await Order.AssetDetailsAsync(assetIndex, cancellationToken).ConfigureAwait(false);
        var asset = details.Items.FirstOrDefault(a => a.AssetId == assetIndex)
            ?? throw new ArgumentException($"Asset {assetIndex} is not listed by the exchange.", nameof(assetIndex));
        var units = MarketScaling.ToInteger(amount, asset.Decimals, 1, (1L << 60) - 1, nameof(amount));
        return await SubmitAsync(new Withdraw { AssetIndex = assetIndex, Amount = (ulong)units, RouteType = routeType }, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
