using System.Globalization;
using System.Text.Json;
using Lighter.Testing.Exchange;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lighter.Testing.Http;

/// <summary>Markets, order books and trades.</summary>
internal static class MarketEndpoints
{
    private const int AllMarkets = 255;

    public static void Map(IEndpointRouteBuilder app, SandboxExchange ex)
    {
        RestEndpoints.Get(app, ex, "/api/v1/orderBooks", (c, w) =>
        {
            w.WriteStartObject();
            JsonShapes.WriteOk(w);
            w.WriteStartArray("order_books");
            foreach (var market in SelectMarkets(c, ex))
            {
                JsonShapes.WriteOrderBook(w, market);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
        // The one asset the sandbox holds: USDC, asset 3, 6 decimals (withdrawals and transfers are in its units).
        RestEndpoints.Get(app, ex, "/api/v1/assetDetails", (c, w) =>
        {
            var only = c.Request.Query["asset_id"].ToString();
            w.WriteStartObject();
            JsonShapes.WriteOk(w);
            w.WriteStartArray("asset_details");
            if (only.Length == 0 || only == "3")
            {
                JsonShapes.WriteUsdcAsset(w);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
        RestEndpoints.Get(app, ex, "/api/v1/orderBookDetails", (c, w) =>
        {
            var markets = SelectMarkets(c, ex);
            w.WriteStartObject();
            JsonShapes.WriteOk(w);
            w.WriteStartArray("order_book_details");
            foreach (var market in markets.Where(m => !m.IsSpot))
            {
                JsonShapes.WriteOrderBookDetail(w, ex, market);
            }

            w.WriteEndArray();
            w.WriteStartArray("spot_order_book_details");
            foreach (var market in markets.Where(m => m.IsSpot))
            {
                JsonShapes.WriteOrderBookDetail(w, ex, market);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
        RestEndpoints.Get(app, ex, "/api/v1/orderBookOrders", (c, w) =>
        {
            var book = ex.RequireBook(HttpIo.RequiredLong(c, "market_id"));
            var limit = (int)Math.Clamp(HttpIo.RequiredLong(c, "limit"), 0, int.MaxValue);
            w.WriteStartObject();
            JsonShapes.WriteOk(w);
            WriteSide(w, "asks", book.Orders(isAsk: true).ToList(), limit);
            WriteSide(w, "bids", book.Orders(isAsk: false).ToList(), limit);
            w.WriteEndObject();
        });
        RestEndpoints.Get(app, ex, "/api/v1/recentTrades", (c, w) =>
        {
            var book = ex.RequireBook(HttpIo.RequiredLong(c, "market_id"));
            var limit = (int)Math.Clamp(HttpIo.RequiredLong(c, "limit"), 0, int.MaxValue);
            WriteTrades(w, [.. ex.TradesOf(book.Market.MarketId).Reverse().Take(limit)], string.Empty);
        });
        RestEndpoints.Get(app, ex, "/api/v1/trades", (c, w) =>
        {
            _ = HttpIo.RequiredString(c, "sort_by");
            var market = HttpIo.OptionalLong(c, "market_id") ?? AllMarkets;
            var account = HttpIo.OptionalLong(c, "account_index") ?? -1;
            var trades = ex.Markets.Where(m => market == AllMarkets || m.MarketId == market)
                .SelectMany(m => ex.TradesOf(m.MarketId))
                .Where(t => account == -1 || t.Ask.AccountIndex == account || t.Bid.AccountIndex == account)
                .OrderByDescending(t => t.TradeId);
            var (page, next) = CursorPage.Read(c, trades, t => "t" + t.TradeId.ToString(CultureInfo.InvariantCulture), HttpIo.RequiredLong(c, "limit"));
            WriteTrades(w, page, next);
        });
    }

    private static List<SandboxMarket> SelectMarkets(HttpContext c, SandboxExchange ex)
    {
        var id = HttpIo.OptionalLong(c, "market_id") ?? AllMarkets;
        var filter = c.Request.Query["filter"].ToString();
        var markets = ex.Markets.Where(m => id == AllMarkets || m.MarketId == id)
            .Where(m => filter is "" or "all" || (filter == "spot") == m.IsSpot)
            .OrderBy(m => m.MarketId)
            .ToList();
        return id == AllMarkets || markets.Count > 0
            ? markets
            : throw new ExchangeException(SandboxErrorCodes.InvalidMarketIndex, "invalid market index");
    }

    private static void WriteSide(Utf8JsonWriter w, string name, List<OrderState> orders, int limit)
    {
        w.WriteNumber("total_" + name, orders.Count);
        w.WriteStartArray(name);
        foreach (var order in orders.Take(limit))
        {
            JsonShapes.WriteSimpleOrder(w, order);
        }

        w.WriteEndArray();
    }

    private static void WriteTrades(Utf8JsonWriter w, List<TradeRecord> trades, string nextCursor)
    {
        w.WriteStartObject();
        JsonShapes.WriteOk(w);
        w.WriteString("next_cursor", nextCursor);
        w.WriteStartArray("trades");
        foreach (var trade in trades)
        {
            JsonShapes.WriteTrade(w, trade);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
