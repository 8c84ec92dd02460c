using System.Text.Json;
using Lighter.Testing.Exchange;

namespace Lighter.Testing.Http;

internal static partial class JsonShapes
{
    /// <summary>The OpenAPI <c>Asset</c> for USDC (asset 3), the only asset the sandbox holds; every required field.</summary>
    public static void WriteUsdcAsset(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("asset_id", 3);
        w.WriteString("symbol", "USDC");
        w.WriteNumber("l1_decimals", 6);
        w.WriteNumber("decimals", 6);
        w.WriteString("min_transfer_amount", "1.000000");
        w.WriteString("min_withdrawal_amount", "1.000000");
        w.WriteString("margin_mode", "enabled");
        w.WriteString("index_price", "1.000000");
        w.WriteNumber("price_decimals", 6);
        w.WriteString("l1_address", "0x0000000000000000000000000000000000000000");
        w.WriteString("loan_to_value", "1");
        w.WriteString("liquidation_threshold", "1");
        w.WriteString("liquidation_factor", "1");
        w.WriteString("liquidation_fee", "0");
        w.WriteString("global_supply_cap", "0");
        w.WriteString("user_supply_cap", "0");
        w.WriteString("total_supplied", "0");
        w.WriteString("multiplier", "1");
        w.WriteEndObject();
    }

    /// <summary>The OpenAPI <c>OrderBook</c> (an entry of <c>/api/v1/orderBooks</c>).</summary>
    public static void WriteOrderBook(Utf8JsonWriter w, SandboxMarket m)
    {
        w.WriteStartObject();
        WriteMarketCommon(w, m);
        w.WriteEndObject();
    }

    /// <summary>The OpenAPI <c>PerpsOrderBookDetail</c> or <c>SpotOrderBookDetail</c>, with price and size decimals.</summary>
    public static void WriteOrderBookDetail(Utf8JsonWriter w, SandboxExchange ex, SandboxMarket m)
    {
        var trades = ex.TradesOf(m.MarketId);
        var last = trades.Count > 0 ? (double)m.ToPrice(trades[^1].Price) : 0d;
        w.WriteStartObject();
        WriteMarketCommon(w, m);
        w.WriteNumber("size_decimals", m.SizeDecimals);
        w.WriteNumber("price_decimals", m.PriceDecimals);
        w.WriteNumber("last_trade_price", last);
        w.WriteNumber("daily_trades_count", trades.Count);
        w.WriteNumber("daily_base_token_volume", trades.Sum(t => (double)m.ToSize(t.Size)));
        w.WriteNumber("daily_quote_token_volume", trades.Sum(t => (double)(m.ToSize(t.Size) * m.ToPrice(t.Price))));
        w.WriteNumber("daily_price_low", trades.Count > 0 ? trades.Min(t => (double)m.ToPrice(t.Price)) : 0d);
        w.WriteNumber("daily_price_high", trades.Count > 0 ? trades.Max(t => (double)m.ToPrice(t.Price)) : 0d);
        w.WriteNumber("daily_price_change", 0d);
        w.WriteStartObject("daily_chart");
        w.WriteEndObject();
        if (!m.IsSpot)
        {
            w.WriteNumber("quote_multiplier", 1);
            w.WriteNumber("default_initial_margin_fraction", m.InitialMarginFraction);
            w.WriteNumber("min_initial_margin_fraction", m.InitialMarginFraction);
            w.WriteNumber("maintenance_margin_fraction", m.InitialMarginFraction / 2);
            w.WriteNumber("closeout_margin_fraction", m.InitialMarginFraction / 4);
            w.WriteNumber("open_interest", (double)m.ToSize(ex.OpenLongUnits(m.MarketId)));
            w.WriteStartObject("market_config");
            w.WriteNumber("market_margin_mode", 0);
            w.WriteNumber("insurance_fund_account_index", (1L << 48) - 1);
            w.WriteNumber("liquidation_mode", 0);
            w.WriteBoolean("force_reduce_only", false);
            w.WriteBoolean("funding_fee_discounts_enabled", false);
            w.WriteString("trading_hours", "");
            w.WriteBoolean("hidden", false);
            w.WriteBoolean("rfq_enabled", false);
            w.WriteEndObject();
            w.WriteNumber("strategy_index", 0);
            w.WriteString("funding_clamp_small", "0.0000");
            w.WriteString("funding_clamp_big", "0.0000");
            w.WriteString("base_interest_rate", "0.0000");
            var mark = SandboxMarket.FormatFixed(ex.MarkPrice(m), m.PriceDecimals);
            w.WriteString("mark_price", mark);
            w.WriteString("index_price", mark);
            w.WriteNumber("market_flags", 0);
            w.WriteNumber("funding_premium_multiplier", 100);
        }

        w.WriteEndObject();
    }

    /// <summary>The <c>order_book</c> object of the WebSocket channel: price levels plus offset and nonces.</summary>
    public static void WriteBookLevels(Utf8JsonWriter w, SandboxMarket m, IEnumerable<(long Price, long Size)> asks,
        IEnumerable<(long Price, long Size)> bids, long offset, long nonce, long beginNonce)
    {
        w.WriteStartObject("order_book");
        w.WriteNumber("code", 0);
        WriteLevels(w, "asks", m, asks);
        WriteLevels(w, "bids", m, bids);
        w.WriteNumber("offset", offset);
        w.WriteNumber("nonce", nonce);
        w.WriteNumber("begin_nonce", beginNonce);
        w.WriteEndObject();
    }

    private static void WriteLevels(Utf8JsonWriter w, string name, SandboxMarket m, IEnumerable<(long Price, long Size)> levels)
    {
        w.WriteStartArray(name);
        foreach (var (price, size) in levels)
        {
            w.WriteStartObject();
            w.WriteString("price", m.FormatPrice(price));
            w.WriteString("size", m.FormatSize(size));
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteMarketCommon(Utf8JsonWriter w, SandboxMarket m)
    {
        w.WriteString("symbol", m.Symbol);
        w.WriteNumber("market_id", m.MarketId);
        w.WriteString("market_type", m.IsSpot ? "spot" : "perp");
        w.WriteNumber("base_asset_id", 0);
        w.WriteNumber("quote_asset_id", 3);
        w.WriteString("status", "active");
        w.WriteString("taker_fee", "0.0000");
        w.WriteString("maker_fee", "0.0000");
        w.WriteString("liquidation_fee", "0.0000");
        w.WriteString("min_base_amount", SandboxMarket.FormatFixed(m.MinBaseAmount, m.SizeDecimals));
        w.WriteString("min_quote_amount", SandboxMarket.FormatFixed(m.MinQuoteAmount, 6));
        w.WriteNumber("supported_size_decimals", m.SizeDecimals);
        w.WriteNumber("supported_price_decimals", m.PriceDecimals);
        w.WriteNumber("supported_quote_decimals", 6);
        w.WriteString("order_quote_limit", "281474976.710655");
        w.WriteBoolean("is_maker_fee_enabled", true);
        w.WriteBoolean("is_taker_fee_enabled", true);
        w.WriteString("created_at", "0");
        w.WriteString("multiplier", "1.000000000000000000");
    }
}
