namespace Lighter.Testing.Exchange;

/// <summary>Position and margin arithmetic: average-entry accounting in USDC, margin at the last price.</summary>
internal static class PositionMath
{
    /// <summary>
    /// Applies a fill of <paramref name="size"/> base units at <paramref name="price"/> to a position and
    /// returns the realized PnL (USDC) of the part that reduced it. Buying adds to the signed size.
    /// </summary>
    public static decimal ApplyFill(PositionState position, SandboxMarket market, bool isBuy, long size, long price)
    {
        var delta = isBuy ? size : -size;
        var tradePrice = market.ToPrice(price);
        if (position.Size == 0 || Math.Sign(position.Size) == Math.Sign(delta))
        {
            position.Size += delta;
            position.EntryQuote += tradePrice * market.ToSize(size);
            return 0m;
        }

        var closing = Math.Min(size, Math.Abs(position.Size));
        var averageEntry = position.EntryQuote / market.ToSize(Math.Abs(position.Size));
        var realized = (tradePrice - averageEntry) * market.ToSize(closing) * Math.Sign(position.Size);
        position.EntryQuote -= averageEntry * market.ToSize(closing);
        position.Size += isBuy ? closing : -closing;
        var opening = size - closing;
        if (opening > 0)
        {
            position.Size = isBuy ? opening : -opening;
            position.EntryQuote = tradePrice * market.ToSize(opening);
        }

        if (position.Size == 0)
        {
            position.EntryQuote = 0m;
        }

        position.RealizedPnl += realized;
        return realized;
    }

    /// <summary>The average entry price of a position (0 when flat).</summary>
    public static decimal AverageEntry(PositionState position, SandboxMarket market) =>
        position.Size == 0 ? 0m : position.EntryQuote / market.ToSize(Math.Abs(position.Size));

    /// <summary>Unrealized PnL at <paramref name="markPrice"/>.</summary>
    public static decimal Unrealized(PositionState position, SandboxMarket market, decimal markPrice) =>
        position.Size == 0 ? 0m : ((markPrice * market.ToSize(Math.Abs(position.Size))) - position.EntryQuote) * Math.Sign(position.Size);

    /// <summary>The initial margin a notional needs under a margin fraction in units of 0.01 %.</summary>
    public static decimal InitialMargin(decimal notional, int marginFraction) => notional * marginFraction / 10_000m;
}
