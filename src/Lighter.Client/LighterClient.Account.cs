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
    public Task<TxSubmission> UpdateLeverageAsync(int marketId, decimal leverage, MarginMode marginMode = MarginMode.Cross, CancellationToken cancellationToken = default)
    {
        if (leverage <= 0) throw new ArgumentOutOfRangeException(nameof(leverage), leverage, "leverage must be positive.");
        var fraction = 10_000m / leverage;
        if (fraction != decimal.Truncate(fraction) || fraction < 1 || fraction > 10_000)
        {
            throw new ArgumentException($"leverage {leverage} gives an initial margin fraction of {fraction}/10000, which is not a whole number in 1..10000.", nameof(leverage));
        }

        return SubmitAsync(new UpdateLeverage { MarketIndex = checked((short)marketId), InitialMarginFraction = (ushort)fraction, MarginMode = marginMode }, cancellationToken: cancellationToken);
    }

    /// <summary>Adds or removes isolated margin, in USDC (6 decimals).</summary>
    public Task<TxSubmission> UpdateMarginAsync(int marketId, decimal usdc, MarginDirection direction, CancellationToken cancellationToken = default) =>
        SubmitAsync(new UpdateMargin
        {
            MarketIndex = checked((short)marketId),
            UsdcAmount = MarketScaling.ToInteger(usdc, UsdcDecimals, 1, (1L << 60) - 1, nameof(usdc)),
            Direction = direction,
        }, cancellationToken: cancellationToken);

    /// <summary>Transfers an asset amount (in the asset's integer units: USDC 10^6, others 10^8) to another account.</summary>
    public Task<TxSubmission> TransferAsync(Transfer transfer, CancellationToken cancellationToken = default) =>
        SubmitAsync(transfer ?? throw new ArgumentNullException(nameof(transfer)), cancellationToken: cancellationToken);

    /// <summary>Withdraws an asset amount (integer units) to the account's L1 address.</summary>
    public Task<TxSubmission> WithdrawAsync(short assetIndex, ulong amount, RouteType routeType = RouteType.Perps, CancellationToken cancellationToken = default) =>
        SubmitAsync(new Withdraw { AssetIndex = assetIndex, Amount = amount, RouteType = routeType }, cancellationToken: cancellationToken);
}
