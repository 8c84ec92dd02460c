namespace Lighter.Client.Markets;

/// <summary>
/// The exchange's order-expiry rules, applied before signing: times in Unix milliseconds; IOC and market orders
/// carry expiry 0; resting orders default to 28 days and must lie between 5 minutes and 30 days ahead (the server
/// silently drops shorter ones).
/// </summary>
internal static class OrderExpiry
{
    /// <summary>Default lifetime of a resting order.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromDays(28);

    /// <summary>Shortest accepted lifetime.</summary>
    public static readonly TimeSpan Minimum = TimeSpan.FromMinutes(5);

    /// <summary>Longest accepted lifetime.</summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromDays(30);

    /// <summary>The <c>OrderExpiry</c> for a resting order: the given time, or now + 28 days.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The time is less than 5 minutes or more than 30 days ahead.</exception>
    public static long ForRestingOrder(DateTimeOffset? expiry, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var now = timeProvider.GetUtcNow();
        var at = expiry ?? now + Default;
        if (at < now + Minimum || at > now + Maximum)
        {
            throw new ArgumentOutOfRangeException(nameof(expiry), expiry, $"OrderExpiry must be between {Minimum.TotalMinutes} minutes and {Maximum.TotalDays} days ahead (the exchange drops shorter orders silently).");
        }

        return at.ToUnixTimeMilliseconds();
    }
}
