namespace Lighter.Testing.Exchange;

/// <summary>Told about every change of the exchange state, under the exchange lock, in order.</summary>
internal interface IExchangeListener
{
    /// <summary>A transaction was executed in a new block.</summary>
    void OnBlock(long height, long timestampMs);

    /// <summary>Price levels of a book changed (new sizes; 0 removes the level).</summary>
    void OnBookChanged(MarketBook book, IReadOnlyList<(long Price, long Size)> asks, IReadOnlyList<(long Price, long Size)> bids,
        long timestampMs);

    /// <summary>Trades happened in a market.</summary>
    void OnTrades(SandboxMarket market, IReadOnlyList<TradeRecord> trades, long timestampMs);

    /// <summary>An account's orders, positions or balance changed.</summary>
    void OnAccountChanged(long accountIndex, IReadOnlyList<OrderState> changedOrders, IReadOnlyList<TradeRecord> trades);
}
