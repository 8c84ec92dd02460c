namespace Lighter.Testing.Exchange;

/// <summary>Placing an order: post-only and reduce-only rules, matching, settlement, resting the rest.</summary>
internal sealed partial class SandboxExchange
{
    private void PlaceAndMatch(OrderState order, AccountState account, string hash, long height, long now)
    {
        var book = _books[order.Market.MarketId];
        if (order.TimeInForce == 2 && MatchingEngine.WouldCross(book, order))
        {
            Finish(order, OrderStatus.CanceledPostOnly, now);
            return;
        }

        var maxSize = long.MaxValue;
        if (order.ReduceOnly)
        {
            var position = account.Positions.GetValueOrDefault(order.Market.MarketId)?.Size ?? 0;
            maxSize = order.IsAsk ? Math.Max(position, 0) : Math.Max(-position, 0);
            if (maxSize == 0)
            {
                Finish(order, OrderStatus.CanceledReduceOnly, now);
                return;
            }

            if (order.RemainingBase == 0)
            {
                // A reduce-only order of size 0 closes the whole position.
                order.RemainingBase = order.InitialBase = maxSize;
            }
        }

        var selfTradeCancels = new List<OrderState>();
        var fills = MatchingEngine.Match(book, order, maxSize, selfTradeCancels);
        var trades = fills.Select(fill => Settle(order, fill, hash, height, now)).ToList();
        foreach (var canceled in selfTradeCancels)
        {
            canceled.UpdatedAtMs = now;
        }

        order.UpdatedAtMs = now;
        if (order.RemainingBase == 0)
        {
            order.Status = OrderStatus.Filled;
        }
        else if (order.ReduceOnly && order.FilledBase >= maxSize)
        {
            order.Status = OrderStatus.CanceledReduceOnly;
        }
        else if (order.TimeInForce == 0)
        {
            order.Status = order.FilledBase > 0 ? OrderStatus.Canceled : OrderStatus.CanceledNotEnoughLiquidity;
        }
        else
        {
            book.Rest(order);
        }

        if (trades.Count > 0)
        {
            foreach (var listener in _listeners)
            {
                listener.OnTrades(order.Market, trades, now);
            }
        }

        NotifyAccount(order.AccountIndex, [order, .. selfTradeCancels], trades);
        foreach (var group in fills.Select(f => f.Maker).Distinct().GroupBy(maker => maker.AccountIndex))
        {
            NotifyAccount(group.Key, group.ToList(), trades.Where(t => t.Ask.AccountIndex == group.Key || t.Bid.AccountIndex == group.Key).ToList());
        }
    }

    private void Finish(OrderState order, OrderStatus status, long now)
    {
        order.Status = status;
        order.UpdatedAtMs = now;
        NotifyAccount(order.AccountIndex, [order], []);
    }

    private TradeRecord Settle(OrderState taker, Fill fill, string hash, long height, long now)
    {
        var market = taker.Market;
        var takerAccount = _accounts[taker.AccountIndex];
        var makerAccount = _accounts[fill.Maker.AccountIndex];
        var takerPosition = PositionOf(takerAccount, market);
        var makerPosition = PositionOf(makerAccount, market);
        var takerBefore = new PositionSnapshot(takerPosition.Size, takerPosition.EntryQuote);
        var makerBefore = new PositionSnapshot(makerPosition.Size, makerPosition.EntryQuote);
        takerAccount.Collateral += PositionMath.ApplyFill(takerPosition, market, !taker.IsAsk, fill.Size, fill.Price);
        makerAccount.Collateral += PositionMath.ApplyFill(makerPosition, market, !fill.Maker.IsAsk, fill.Size, fill.Price);
        var (ask, bid) = taker.IsAsk ? (taker, fill.Maker) : (fill.Maker, taker);
        var trade = new TradeRecord(_nextTradeId++, hash, market, fill.Price, fill.Size, ask, bid, IsMakerAsk: !taker.IsAsk, height, now,
            takerBefore, makerBefore);
        _trades[market.MarketId].Add(trade);
        return trade;
    }

    private static PositionState PositionOf(AccountState account, SandboxMarket market)
    {
        if (!account.Positions.TryGetValue(market.MarketId, out var position))
        {
            position = new PositionState();
            account.Positions.Add(market.MarketId, position);
        }

        return position;
    }
}
