using System.Text.Json;
using Lighter.Testing.Exchange;
using Lighter.Testing.Http;

namespace Lighter.Testing.WebSockets;

/// <summary>Channel payloads: snapshots on subscribe, updates from the exchange's change notifications.</summary>
internal sealed partial class WsHub
{
    private const int RecentTrades = 50;

    /// <summary>The <c>subscribed/…</c> message of a channel (called under the exchange lock).</summary>
    private byte[] Snapshot(WsChannel channel)
    {
        var now = _ex.NowMs;
        var type = "subscribed/" + channel.Kind;
        return channel.Kind switch
        {
            "order_book" => WsSession.Build(w =>
            {
                var book = _ex.RequireBook(channel.Args[0]);
                var feed = _feeds[book.Market.MarketId];
                WsProtocol.StartChannelMessage(w, type, channel.Echo, now);
                JsonShapes.WriteBookLevels(w, book.Market, book.Levels(isAsk: true), book.Levels(isAsk: false), _offset, feed.Nonce, feed.Nonce);
                w.WriteEndObject();
            }),
            "trade" => WsSession.Build(w =>
            {
                var book = _ex.RequireBook(channel.Args[0]);
                WsProtocol.StartChannelMessage(w, type, channel.Echo, now);
                WriteTrades(w, _ex.TradesOf(book.Market.MarketId).TakeLast(RecentTrades));
                w.WriteEndObject();
            }),
            "height" => WsSession.Build(w =>
            {
                WsProtocol.StartChannelMessage(w, type, channel.Echo, now);
                w.WriteNumber("height", _ex.Height);
                w.WriteEndObject();
            }),
            "account_all" => WsSession.Build(w => WriteAccountAll(w, type, channel.Echo, _ex.RequireAccount(channel.Args[0]), [], null, now)),
            "account_all_orders" => WsSession.Build(w =>
            {
                var account = _ex.RequireAccount(channel.Args[0]);
                WsProtocol.StartChannelMessage(w, type, channel.Echo, now);
                w.WriteNumber("account_id", account.Index);
                WriteOrders(w, _ex.OrdersOf(account.Index).Where(o => o.IsActive).OrderBy(o => o.OrderIndex));
                w.WriteEndObject();
            }),
            _ => WsSession.Build(w =>
            {
                var book = _ex.RequireBook(channel.Args[0]);
                var account = _ex.RequireAccount(channel.Args[1]);
                WsProtocol.StartChannelMessage(w, type, channel.Echo, now);
                w.WriteNumber("account_id", account.Index);
                w.WriteNumber("market_id", book.Market.MarketId);
                WriteOrders(w, _ex.OrdersOf(account.Index).Where(o => o.IsActive && o.Market.MarketId == book.Market.MarketId));
                w.WriteEndObject();
            }),
        };
    }

    public void OnBlock(long height, long timestampMs) =>
        Broadcast("height", () => WsSession.Build(w =>
        {
            WsProtocol.StartChannelMessage(w, "update/height", "height", timestampMs);
            w.WriteNumber("height", height);
            w.WriteEndObject();
        }));

    public void OnBookChanged(MarketBook book, IReadOnlyList<(long Price, long Size)> asks, IReadOnlyList<(long Price, long Size)> bids,
        long timestampMs)
    {
        // Nonces advance by the number of changed levels, so they jump like the exchange's; a dropped update
        // (fault injection) leaves a gap that a client sees as begin_nonce != its last nonce.
        var feed = _feeds[book.Market.MarketId];
        var beginNonce = feed.Nonce;
        feed.Nonce += asks.Count + bids.Count;
        var offset = ++_offset;
        if (feed.Dropped > 0)
        {
            feed.Dropped--;
            return;
        }

        var channel = "order_book:" + book.Market.MarketId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Broadcast(channel, () => WsSession.Build(w =>
        {
            WsProtocol.StartChannelMessage(w, "update/order_book", channel, timestampMs);
            JsonShapes.WriteBookLevels(w, book.Market, asks, bids, offset, feed.Nonce, beginNonce);
            w.WriteEndObject();
        }));
    }

    public void OnTrades(SandboxMarket market, IReadOnlyList<TradeRecord> trades, long timestampMs)
    {
        var channel = "trade:" + market.MarketId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Broadcast(channel, () => WsSession.Build(w =>
        {
            WsProtocol.StartChannelMessage(w, "update/trade", channel, timestampMs);
            WriteTrades(w, trades);
            w.WriteEndObject();
        }));
    }

    public void OnAccountChanged(long accountIndex, IReadOnlyList<OrderState> changedOrders, IReadOnlyList<TradeRecord> trades)
    {
        var now = _ex.NowMs;
        var account = _ex.FindAccount(accountIndex);
        if (account is null)
        {
            return;
        }

        var id = accountIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Broadcast("account_all:" + id, () => WsSession.Build(w =>
            WriteAccountAll(w, "update/account_all", "account_all:" + id, account, changedOrders, trades, now)));
        if (changedOrders.Count > 0)
        {
            var all = "account_all_orders:" + id;
            Broadcast(all, () => WsSession.Build(w =>
            {
                WsProtocol.StartChannelMessage(w, "update/account_all_orders", all, now);
                w.WriteNumber("account_id", accountIndex);
                WriteOrders(w, changedOrders);
                w.WriteEndObject();
            }));
        }

        foreach (var market in changedOrders.Select(o => o.Market).Distinct())
        {
            var channel = $"account_orders:{market.MarketId}:{id}";
            Broadcast(channel, () => WsSession.Build(w =>
            {
                WsProtocol.StartChannelMessage(w, "update/account_orders", channel, now);
                w.WriteNumber("account_id", accountIndex);
                w.WriteNumber("market_id", market.MarketId);
                WriteOrders(w, changedOrders.Where(o => o.Market == market));
                w.WriteEndObject();
            }));
        }
    }

    /// <summary>
    /// The account_all payload: the account's open orders plus the orders this change touched (so fills and
    /// cancels are visible), every position, and the trades of this change (the latest 50 on subscribe).
    /// </summary>
    private void WriteAccountAll(Utf8JsonWriter w, string type, string channel, AccountState account,
        IReadOnlyList<OrderState> changedOrders, IReadOnlyList<TradeRecord>? trades, long now)
    {
        WsProtocol.StartChannelMessage(w, type, channel, now);
        w.WriteNumber("account_id", account.Index);
        var orders = _ex.OrdersOf(account.Index).Where(o => o.IsActive).Union(changedOrders.Where(o => o.AccountIndex == account.Index));
        WriteOrders(w, orders.OrderBy(o => o.OrderIndex));
        w.WriteStartArray("positions");
        foreach (var (marketId, position) in account.Positions.OrderBy(p => p.Key))
        {
            JsonShapes.WritePosition(w, _ex, _ex.FindBook(marketId)!.Market, position);
        }

        w.WriteEndArray();
        WriteTrades(w, trades ?? _ex.Markets.SelectMany(m => _ex.TradesOf(m.MarketId))
            .Where(t => t.Ask.AccountIndex == account.Index || t.Bid.AccountIndex == account.Index)
            .OrderBy(t => t.TradeId).TakeLast(RecentTrades));
        w.WriteStartArray("funding_histories");
        w.WriteEndArray();
        w.WriteStartArray("funding_rates");
        w.WriteEndArray();
        w.WriteStartArray("shares");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteTrades(Utf8JsonWriter w, IEnumerable<TradeRecord> trades)
    {
        w.WriteStartArray("trades");
        foreach (var trade in trades)
        {
            JsonShapes.WriteTrade(w, trade);
        }

        w.WriteEndArray();
    }
}
