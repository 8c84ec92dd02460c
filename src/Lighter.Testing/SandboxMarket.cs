using System.Globalization;

namespace Lighter.Testing;

/// <summary>
/// A market the sandbox lists. Prices and sizes travel as integers scaled by <see cref="PriceDecimals"/> and
/// <see cref="SizeDecimals"/>, as on the exchange; the minimums are checked on every order.
/// </summary>
/// <param name="MarketId">The market index (perps 0..254, spot 2048..4094).</param>
/// <param name="Symbol">The symbol, e.g. <c>ETH</c>.</param>
/// <param name="SizeDecimals">Decimals of the base amount.</param>
/// <param name="PriceDecimals">Decimals of the price.</param>
/// <param name="MinBaseAmount">Smallest order size, in base units.</param>
/// <param name="MinQuoteAmount">Smallest order value (size × price), in USDC.</param>
/// <param name="InitialMarginFraction">Default initial margin fraction in units of 0.01 % (500 = 5 %, 20x leverage).</param>
public sealed record SandboxMarket(
    short MarketId,
    string Symbol,
    int SizeDecimals,
    int PriceDecimals,
    decimal MinBaseAmount,
    decimal MinQuoteAmount,
    int InitialMarginFraction = 500)
{
    /// <summary>ETH perpetual, market 0: size 4 decimals, price 2 decimals.</summary>
    public static SandboxMarket Eth { get; } = new(0, "ETH", 4, 2, 0.0050m, 10m);

    /// <summary>BTC perpetual, market 1: size 5 decimals, price 1 decimal.</summary>
    public static SandboxMarket Btc { get; } = new(1, "BTC", 5, 1, 0.00020m, 10m, 200);

    /// <summary>The markets a sandbox lists unless told otherwise.</summary>
    public static IReadOnlyList<SandboxMarket> Defaults { get; } = [Eth, Btc];

    /// <summary>Whether this is a spot market (ids from 2048).</summary>
    public bool IsSpot => MarketId >= 2048;

    internal decimal SizeScale => Pow10(SizeDecimals);

    internal decimal PriceScale => Pow10(PriceDecimals);

    /// <summary>The decimal price of an integer price.</summary>
    internal decimal ToPrice(long ticks) => ticks / PriceScale;

    /// <summary>The decimal size of an integer base amount.</summary>
    internal decimal ToSize(long units) => units / SizeScale;

    internal string FormatPrice(long ticks) => FormatFixed(ToPrice(ticks), PriceDecimals);

    internal string FormatSize(long units) => FormatFixed(ToSize(units), SizeDecimals);

    internal static string FormatFixed(decimal value, int decimals) =>
        decimal.Round(value, decimals, MidpointRounding.ToZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture),
            CultureInfo.InvariantCulture);

    private static decimal Pow10(int decimals)
    {
        var scale = 1m;
        for (var i = 0; i < decimals; i++)
        {
            scale *= 10m;
        }

        return scale;
    }
}
