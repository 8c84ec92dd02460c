namespace Lighter.Client.Markets;

/// <summary>What the SDK needs to know about a market to turn decimal prices and sizes into signed integers.</summary>
/// <param name="MarketId">Market index (perps 0..254, spot 2048..4094).</param>
/// <param name="Symbol">Symbol, e.g. <c>ETH</c>.</param>
/// <param name="IsSpot">Whether it is a spot market.</param>
/// <param name="SizeDecimals">Decimals of the base amount.</param>
/// <param name="PriceDecimals">Decimals of the price.</param>
/// <param name="MinBaseAmount">Smallest order size, in base units.</param>
public sealed record MarketInfo(short MarketId, string Symbol, bool IsSpot, int SizeDecimals, int PriceDecimals, decimal MinBaseAmount)
{
    /// <summary>Converts a decimal size to the integer base amount the signer takes; throws before signing on excess precision or range.</summary>
    /// <exception cref="ArgumentException">More decimals than <see cref="SizeDecimals"/>, or outside 1..2^48-1.</exception>
    public long ToBaseAmount(decimal size, string field = "size") =>
        MarketScaling.ToInteger(size, SizeDecimals, 1, MarketScaling.MaxBaseAmount, field, this);

    /// <summary>Converts a decimal price to the integer price the signer takes.</summary>
    /// <exception cref="ArgumentException">More decimals than <see cref="PriceDecimals"/>, or outside 1..2^32-1.</exception>
    public uint ToPrice(decimal price, string field = "price") =>
        (uint)MarketScaling.ToInteger(price, PriceDecimals, 1, uint.MaxValue, field, this);

    /// <summary>Converts an integer base amount back to a decimal size.</summary>
    public decimal FromBaseAmount(long baseAmount) => MarketScaling.FromInteger(baseAmount, SizeDecimals);

    /// <summary>Converts an integer price back to a decimal price.</summary>
    public decimal FromPrice(uint price) => MarketScaling.FromInteger(price, PriceDecimals);
}
