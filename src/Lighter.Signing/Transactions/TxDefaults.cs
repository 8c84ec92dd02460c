namespace Lighter.Signing.Transactions;

/// <summary>The official entry points' default times (lighter-go <c>DefaultExpireTime</c>, sharedlib order expiry).</summary>
public static class TxDefaults
{
    /// <summary>How long a transaction stays executable by default: 10 minutes minus 1 second.</summary>
    public static readonly TimeSpan TransactionLifetime = TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1);

    /// <summary>How long a resting order lives by default: 28 days.</summary>
    public static readonly TimeSpan OrderLifetime = TimeSpan.FromDays(28);

    /// <summary>The default <see cref="TxHeader.ExpiredAt"/>: now + 10 min − 1 s, in Unix milliseconds.</summary>
    /// <param name="timeProvider">The clock (<see cref="TimeProvider.System"/> when null).</param>
    /// <returns>Unix milliseconds.</returns>
    public static long ExpiredAt(TimeProvider? timeProvider = null) => FromNow(TransactionLifetime, timeProvider);

    /// <summary>The default order expiry for resting orders: now + 28 days, in Unix milliseconds.</summary>
    /// <param name="timeProvider">The clock (<see cref="TimeProvider.System"/> when null).</param>
    /// <returns>Unix milliseconds.</returns>
    public static long OrderExpiry(TimeProvider? timeProvider = null) => FromNow(OrderLifetime, timeProvider);

    /// <summary>Now + <paramref name="lifetime"/>, in Unix milliseconds.</summary>
    /// <param name="lifetime">The offset from now.</param>
    /// <param name="timeProvider">The clock (<see cref="TimeProvider.System"/> when null).</param>
    /// <returns>Unix milliseconds.</returns>
    public static long FromNow(TimeSpan lifetime, TimeProvider? timeProvider = null) =>
        (timeProvider ?? TimeProvider.System).GetUtcNow().Add(lifetime).ToUnixTimeMilliseconds();
}
