namespace Lighter.Testing.Exchange;

/// <summary>A match between an incoming order and one resting order, at the resting order's price.</summary>
internal readonly record struct Fill(OrderState Maker, long Price, long Size);

/// <summary>
/// Price-time-priority matching. An incoming order trades against the best opposite price while the prices
/// cross, always at the resting (maker) price, oldest order first within a price. A resting order of the same
/// account is cancelled instead of traded (the exchange's default self-trade rule, "expire maker").
/// </summary>
internal static class MatchingEngine
{
    /// <summary>Whether an incoming order at <paramref name="takerPrice"/> trades with a resting price.</summary>
    public static bool Crosses(bool takerIsAsk, long takerPrice, long restingPrice) =>
        takerIsAsk ? restingPrice >= takerPrice : restingPrice <= takerPrice;

    /// <summary>
    /// Matches <paramref name="taker"/> against <paramref name="book"/>, updating both sides' remaining sizes,
    /// removing filled makers, and returning the fills in execution order. <paramref name="maxSize"/> caps
    /// the traded size (reduce-only orders); the taker itself is never put in the book here.
    /// </summary>
    public static List<Fill> Match(MarketBook book, OrderState taker, long maxSize, List<OrderState> selfTradeCancels)
    {
        var fills = new List<Fill>();
        var budget = Math.Min(maxSize, taker.RemainingBase);
        while (budget > 0)
        {
            var maker = book.Best(!taker.IsAsk);
            if (maker is null || !Crosses(taker.IsAsk, taker.Price, maker.Price))
            {
                break;
            }

            if (maker.AccountIndex == taker.AccountIndex)
            {
                book.Remove(maker);
                maker.Status = OrderStatus.CanceledSelfTrade;
                selfTradeCancels.Add(maker);
                continue;
            }

            var size = Math.Min(budget, maker.RemainingBase);
            Apply(maker, maker.Price, size);
            Apply(taker, maker.Price, size);
            budget -= size;
            if (maker.RemainingBase == 0)
            {
                maker.Status = OrderStatus.Filled;
                book.Remove(maker);
            }
            else
            {
                book.Touch(maker);
            }

            fills.Add(new Fill(maker, maker.Price, size));
        }

        return fills;
    }

    /// <summary>The size resting on the opposite side at prices the order would trade at (post-only check).</summary>
    public static bool WouldCross(MarketBook book, OrderState order)
    {
        var best = book.Best(!order.IsAsk);
        return best is not null && Crosses(order.IsAsk, order.Price, best.Price);
    }

    private static void Apply(OrderState order, long price, long size)
    {
        order.RemainingBase -= size;
        order.FilledBase += size;
        order.FilledQuote += order.Market.ToPrice(price) * order.Market.ToSize(size);
    }
}
