using System.Globalization;
using System.Text.Json;
using Lighter.Testing.Exchange;

namespace Lighter.Testing.Http;

/// <summary>
/// Writes the exchange's JSON shapes (OpenAPI components and AsyncAPI payloads) with exactly the spec's
/// property names. Decimal amounts are strings with the market's decimals, ids are integers (and strings
/// where the spec has both), times are Unix milliseconds and <c>transaction_time</c> is microseconds.
/// </summary>
internal static partial class JsonShapes
{
    /// <summary>The OpenAPI <c>Order</c> (also the AsyncAPI <c>Order</c>).</summary>
    public static void WriteOrder(Utf8JsonWriter w, OrderState o)
    {
        var market = o.Market;
        w.WriteStartObject();
        w.WriteNumber("order_index", o.OrderIndex);
        w.WriteNumber("client_order_index", o.ClientOrderIndex);
        w.WriteString("order_id", Id(o.OrderIndex));
        w.WriteString("client_order_id", Id(o.ClientOrderIndex));
        w.WriteNumber("market_index", market.MarketId);
        w.WriteNumber("owner_account_index", o.AccountIndex);
        w.WriteString("initial_base_amount", market.FormatSize(o.InitialBase));
        w.WriteString("price", market.FormatPrice(o.Price));
        w.WriteNumber("nonce", o.Nonce);
        w.WriteString("remaining_base_amount", market.FormatSize(o.RemainingBase));
        w.WriteBoolean("is_ask", o.IsAsk);
        w.WriteNumber("base_size", o.InitialBase);
        w.WriteNumber("base_price", o.Price);
        w.WriteString("filled_base_amount", market.FormatSize(o.FilledBase));
        w.WriteString("filled_quote_amount", SandboxMarket.FormatFixed(o.FilledQuote, 6));
        w.WriteString("side", o.IsAsk ? "sell" : "buy");
        w.WriteString("type", o.Type == 1 ? "market" : "limit");
        w.WriteString("time_in_force", o.TimeInForce switch { 0 => "immediate-or-cancel", 1 => "good-till-time", _ => "post-only" });
        w.WriteBoolean("reduce_only", o.ReduceOnly);
        w.WriteString("trigger_price", market.FormatPrice(o.TriggerPrice));
        w.WriteNumber("order_expiry", o.OrderExpiry);
        w.WriteString("status", StatusText(o.Status));
        w.WriteString("trigger_status", "na");
        w.WriteNumber("trigger_time", 0);
        w.WriteNumber("parent_order_index", 0);
        w.WriteString("parent_order_id", "0");
        w.WriteString("to_trigger_order_id_0", "0");
        w.WriteString("to_trigger_order_id_1", "0");
        w.WriteString("to_cancel_order_id_0", "0");
        w.WriteNumber("block_height", o.BlockHeight);
        w.WriteNumber("timestamp", o.UpdatedAtMs);
        w.WriteNumber("created_at", o.CreatedAtMs);
        w.WriteNumber("updated_at", o.UpdatedAtMs);
        w.WriteNumber("transaction_time", o.UpdatedAtMs * 1000);
        w.WriteString("integrator_fee_collector_index", "0");
        w.WriteString("integrator_maker_fee", "0");
        w.WriteString("integrator_taker_fee", "0");
        w.WriteNumber("order_flags", 0);
        w.WriteNumber("order_version", 1);
        w.WriteEndObject();
    }

    /// <summary>The OpenAPI <c>SimpleOrder</c> (an order-book entry).</summary>
    public static void WriteSimpleOrder(Utf8JsonWriter w, OrderState o)
    {
        w.WriteStartObject();
        w.WriteNumber("order_index", o.OrderIndex);
        w.WriteString("order_id", Id(o.OrderIndex));
        w.WriteNumber("owner_account_index", o.AccountIndex);
        w.WriteString("initial_base_amount", o.Market.FormatSize(o.InitialBase));
        w.WriteString("remaining_base_amount", o.Market.FormatSize(o.RemainingBase));
        w.WriteString("price", o.Market.FormatPrice(o.Price));
        w.WriteNumber("order_expiry", o.OrderExpiry);
        w.WriteNumber("transaction_time", o.UpdatedAtMs * 1000);
        w.WriteEndObject();
    }

    /// <summary>The OpenAPI <c>Trade</c> (also the AsyncAPI <c>Trade</c>).</summary>
    public static void WriteTrade(Utf8JsonWriter w, TradeRecord t)
    {
        var market = t.Market;
        var quote = market.ToPrice(t.Price) * market.ToSize(t.Size);
        // The maker sold when is_maker_ask; the taker did the opposite.
        var makerDelta = t.IsMakerAsk ? -t.Size : t.Size;
        w.WriteStartObject();
        w.WriteNumber("trade_id", t.TradeId);
        w.WriteString("tx_hash", t.TxHash);
        w.WriteString("type", "trade");
        w.WriteNumber("market_id", market.MarketId);
        w.WriteString("size", market.FormatSize(t.Size));
        w.WriteString("price", market.FormatPrice(t.Price));
        w.WriteString("usd_amount", SandboxMarket.FormatFixed(quote, 6));
        w.WriteNumber("ask_id", t.Ask.OrderIndex);
        w.WriteNumber("bid_id", t.Bid.OrderIndex);
        w.WriteNumber("ask_account_id", t.Ask.AccountIndex);
        w.WriteNumber("bid_account_id", t.Bid.AccountIndex);
        w.WriteBoolean("is_maker_ask", t.IsMakerAsk);
        w.WriteNumber("block_height", t.BlockHeight);
        w.WriteNumber("timestamp", t.TimestampMs);
        w.WriteNumber("taker_fee", 0);
        WritePositionBefore(w, "taker", t.TakerBefore, market, -makerDelta);
        w.WriteNumber("maker_fee", 0);
        WritePositionBefore(w, "maker", t.MakerBefore, market, makerDelta);
        w.WriteNumber("transaction_time", t.TimestampMs * 1000);
        w.WriteString("bid_account_pnl", "0.000000");
        w.WriteString("ask_account_pnl", "0.000000");
        w.WriteNumber("ask_client_id", t.Ask.ClientOrderIndex);
        w.WriteNumber("bid_client_id", t.Bid.ClientOrderIndex);
        w.WriteString("ask_client_id_str", Id(t.Ask.ClientOrderIndex));
        w.WriteString("bid_client_id_str", Id(t.Bid.ClientOrderIndex));
        w.WriteString("ask_id_str", Id(t.Ask.OrderIndex));
        w.WriteString("bid_id_str", Id(t.Bid.OrderIndex));
        w.WriteString("trade_id_str", Id(t.TradeId));
        w.WriteNumber("integrator_maker_fee", 0);
        w.WriteNumber("integrator_maker_fee_collector_index", 0);
        w.WriteNumber("integrator_taker_fee", 0);
        w.WriteNumber("integrator_taker_fee_collector_index", 0);
        w.WriteNumber("taker_allocated_margin_usdc_before", 0);
        w.WriteNumber("taker_allocated_margin_usdc_after", 0);
        w.WriteNumber("maker_allocated_margin_usdc_before", 0);
        w.WriteNumber("maker_allocated_margin_usdc_after", 0);
        w.WriteNumber("bid_order_version", 1);
        w.WriteNumber("ask_order_version", 1);
        w.WriteEndObject();
    }

    /// <summary>The exchange's status string for an order status.</summary>
    public static string StatusText(OrderStatus status) => status switch
    {
        OrderStatus.Open => "open",
        OrderStatus.Filled => "filled",
        OrderStatus.Canceled => "canceled",
        OrderStatus.CanceledPostOnly => "canceled-post-only",
        OrderStatus.CanceledReduceOnly => "canceled-reduce-only",
        OrderStatus.CanceledNotEnoughLiquidity => "canceled-not-enough-liquidity",
        OrderStatus.CanceledSelfTrade => "canceled-self-trade",
        OrderStatus.CanceledExpired => "canceled-expired",
        OrderStatus.CanceledMarginNotAllowed => "canceled-margin-not-allowed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static void WritePositionBefore(Utf8JsonWriter w, string role, PositionSnapshot before, SandboxMarket market, long delta)
    {
        w.WriteString(role + "_position_size_before", market.FormatSize(Math.Abs(before.Size)));
        w.WriteString(role + "_entry_quote_before", SandboxMarket.FormatFixed(before.EntryQuote, 6));
        w.WriteNumber(role + "_initial_margin_fraction_before", market.InitialMarginFraction);
        w.WriteBoolean(role + "_position_sign_changed", Math.Sign(before.Size) != Math.Sign(before.Size + delta));
    }

    private static string Id(long value) => value.ToString(CultureInfo.InvariantCulture);
}
