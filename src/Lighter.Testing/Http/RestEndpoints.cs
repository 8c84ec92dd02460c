using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Lighter.Testing.Exchange;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lighter.Testing.Http;

/// <summary>The read side of the REST API: accounts, keys, nonces, markets, books, trades, orders, transactions.</summary>
internal static class RestEndpoints
{
    private const int AllMarkets = 255;

    public static void Map(IEndpointRouteBuilder app, SandboxExchange ex)
    {
        Get(app, ex, "/", (c, w) =>
        {
            w.WriteStartObject();
            w.WriteNumber("status", 1);
            w.WriteNumber("network_id", ex.ChainId);
            w.WriteNumber("timestamp", ex.NowMs / 1000);
            w.WriteEndObject();
        });
        Get(app, ex, "/info", (c, w) =>
        {
            w.WriteStartObject();
            w.WriteString("contract_address", "0x0000000000000000000000000000000000000000");
            w.WriteEndObject();
        });
        Get(app, ex, "/api/v1/currentHeight", (c, w) =>
        {
            w.WriteStartObject();
            JsonShapes.WriteOk(w);
            w.WriteNumber("height", ex.Height);
            w.WriteEndObject();
        });
        AccountEndpoints.Map(app, ex);
        MarketEndpoints.Map(app, ex);
        Get(app, ex, "/api/v1/accountActiveOrders", (c, w) => WriteOrders(c, w, ex, active: true));
        Get(app, ex, "/api/v1/accountInactiveOrders", (c, w) => WriteOrders(c, w, ex, active: false));
        TxQueryEndpoints.Map(app, ex);
    }

    /// <summary>
    /// Maps a GET endpoint whose body is built under the exchange lock, into a buffer first, so a rejected
    /// parameter still produces a clean 400 <c>ResultCode</c>.
    /// </summary>
    internal static void Get(IEndpointRouteBuilder app, SandboxExchange ex, string path, Action<HttpContext, Utf8JsonWriter> body) =>
        app.MapGet(path, (HttpContext context) => HttpIo.GuardAsync(context, () =>
        {
            var buffer = new ArrayBufferWriter<byte>(2048);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                ex.Read(() =>
                {
                    body(context, writer);
                    return 0;
                });
            }

            context.Response.ContentType = "application/json; charset=utf-8";
            return context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).AsTask();
        }));

    private static void WriteOrders(HttpContext c, Utf8JsonWriter w, SandboxExchange ex, bool active)
    {
        var account = HttpIo.RequiredLong(c, "account_index");
        ex.CheckAuth(c.Request.Headers.Authorization.ToString(), account);
        var market = HttpIo.OptionalLong(c, "market_id") ?? AllMarkets;
        var limit = active ? long.MaxValue : HttpIo.RequiredLong(c, "limit");
        var orders = ex.OrdersOf(account)
            .Where(o => o.IsActive == active && (market == AllMarkets || o.Market.MarketId == market))
            .OrderByDescending(o => o.UpdatedAtMs).ThenByDescending(o => o.OrderIndex);
        var (page, next) = CursorPage.Read(c, orders, o => "o" + o.OrderIndex.ToString(CultureInfo.InvariantCulture), limit);
        w.WriteStartObject();
        JsonShapes.WriteOk(w);
        w.WriteString("next_cursor", next);
        w.WriteStartArray("orders");
        foreach (var order in page)
        {
            JsonShapes.WriteOrder(w, order);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
