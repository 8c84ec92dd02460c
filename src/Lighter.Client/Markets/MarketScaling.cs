using System.Globalization;

namespace Lighter.Client.Markets;

/// <summary>Exact decimal ↔ integer scaling (no floating point, no silent rounding).</summary>
internal static class MarketScaling
{
    /// <summary>Largest base amount a transaction may carry (2^48 − 1).</summary>
    public const long MaxBaseAmount = (1L << 48) - 1;

    /// <summary>Scales <paramref name="value"/> by 10^<paramref name="decimals"/> exactly.</summary>
    /// <exception cref="ArgumentException">The value has more decimals than allowed or the result is outside [min, max].</exception>
    public static long ToInteger(decimal value, int decimals, long min, long max, string field, MarketInfo? market = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 18);
        var where = market is null ? string.Empty : $" on market {market.MarketId} ({market.Symbol})";
        decimal scaled;
        try
        {
            scaled = value * Pow10(decimals);
        }
        catch (OverflowException)
        {
            throw new ArgumentException($"{field} {Text(value)} is out of range{where}.", field);
        }

        if (scaled != decimal.Truncate(scaled))
        {
            throw new ArgumentException($"{field} {Text(value)} has more than {decimals} decimals, the precision allowed{where}; round it explicitly.", field);
        }

        if (scaled < min || scaled > max)
        {
            throw new ArgumentException($"{field} {Text(value)} is outside the allowed range {Text(FromInteger(min, decimals))}..{Text(FromInteger(max, decimals))}{where}.", field);
        }

        return (long)scaled;
    }

    /// <summary>Divides an integer by 10^<paramref name="decimals"/>.</summary>
    public static decimal FromInteger(long value, int decimals) => value / Pow10(decimals);

    private static decimal Pow10(int decimals)
    {
        var result = 1m;
        for (var i = 0; i < decimals; i++) result *= 10m;
        return result;
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
