namespace Lighter.Client.Markets;

/// <summary>What the SDK needs to know about a market to turn decimal prices and sizes into signed integers.</summary>
/// <param name="MarketId">Market index (perps 0..254, spot 2048..4094).</param>
/// <param name="Symbol">Symbol, e.g. <c>ETH</c>.</param>
/// <param name="IsSpot">Whether it is a spot market.</param>
/// <param name="SizeDecimals">Decimals of the base amount.</param>
/// <param name="PriceDecimals">Decimals of the price.</param>
/// <param name="MinBaseAmount">Smallest order size, in base units.</param>
/// <param name="MinQuoteAmount">Smallest order value (size × price), in the quote asset (USDC).</param>
public sealed record MarketInfo(short MarketId, string Symbol, bool IsSpot, int SizeDecimals, int PriceDecimals, decimal MinBaseAmount, decimal MinQuoteAmount = 0m)
{
    /// <summary>
    /// Refuses an order below the market's minimums, as the exchange would (reduce-only orders are exempt): size under
    /// <see cref="MinBaseAmount"/>, or size × price under <see cref="MinQuoteAmount"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The order is too small (named <c>size</c>).</exception>
    public void CheckMinimums(decimal size, decimal price, bool reduceOnly = false)
    {
        if (reduceOnly) return;
        if (size < MinBaseAmount)
        {
            throw new ArgumentException($"size {size} is below the minimum {MinBaseAmount} on market {MarketId} ({Symbol}).", nameof(size));
        }

        if (size * price < MinQuoteAmount)
        {
            throw new ArgumentException($"size {size} × price {price} = {size * price} is below the minimum order value {MinQuoteAmount} on market {MarketId} ({Symbol}).", nameof(size));
        }
    }

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
