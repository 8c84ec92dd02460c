using System.Text.Json;
using Lighter.Testing.Exchange;

namespace Lighter.Testing.Http;

internal static partial class JsonShapes
{
    private const int UsdcDecimals = 6;

    /// <summary>The OpenAPI <c>Account</c> (an entry of <c>SubAccounts.sub_accounts</c>).</summary>
    public static void WriteAccount(Utf8JsonWriter w, SandboxExchange ex, AccountState a)
    {
        w.WriteStartObject();
        WriteAccountCore(w, ex, a);
        w.WriteEndObject();
    }

    /// <summary>The OpenAPI <c>DetailedAccount</c>: the account with its positions, assets and margin figures.</summary>
    public static void WriteDetailedAccount(Utf8JsonWriter w, SandboxExchange ex, AccountState a)
    {
        w.WriteStartObject();
        WriteAccountCore(w, ex, a);
        w.WriteNumber("account_index", a.Index);
        w.WriteString("name", "");
        w.WriteString("description", "");
        w.WriteBoolean("can_invite", false);
        w.WriteString("referral_points_percentage", "0");
        w.WriteStartArray("positions");
        foreach (var (marketId, position) in a.Positions.OrderBy(p => p.Key))
        {
            WriteAccountPosition(w, ex, a, ex.FindBook(marketId)!.Market, position);
        }

        w.WriteEndArray();
        w.WriteStartArray("assets");
        w.WriteStartObject();
        w.WriteString("symbol", "USDC");
        w.WriteNumber("asset_id", 3);
        w.WriteString("balance", Usdc(a.Collateral));
        w.WriteString("locked_balance", Usdc(0m));
        w.WriteString("margin_balance", Usdc(a.Collateral));
        w.WriteString("margin_mode", "enabled");
        w.WriteString("multiplier", "1.000000000000000000");
        w.WriteEndObject();
        w.WriteEndArray();
        var total = ex.TotalAccountValue(a);
        w.WriteString("total_asset_value", Usdc(total));
        w.WriteString("cross_asset_value", Usdc(total));
        WritePoolInfo(w);
        w.WriteStartArray("shares");
        w.WriteEndArray();
        w.WriteNumber("created_at", a.CreatedAtMs);
        w.WriteNumber("transaction_time", ex.NowMs * 1000);
        w.WriteStartArray("pending_unlocks");
        w.WriteEndArray();
        w.WriteStartArray("approved_integrators");
        w.WriteEndArray();
        w.WriteBoolean("can_rfq", false);
        w.WriteString("cross_initial_margin_requirement", Usdc(ex.InitialMarginRequirement(a)));
        w.WriteString("cross_maintenance_margin_requirement", Usdc(ex.InitialMarginRequirement(a) / 2));
        w.WriteStartArray("can_rfq_market_ids");
        w.WriteEndArray();
        w.WriteStartObject("metadata");
        w.WriteString("color", "");
        w.WriteEndObject();
        w.WriteBoolean("agent_enabled", false);
        w.WriteEndObject();
    }

    /// <summary>The OpenAPI <c>AccountPosition</c>.</summary>
    public static void WriteAccountPosition(Utf8JsonWriter w, SandboxExchange ex, AccountState a, SandboxMarket market, PositionState p)
    {
        var mark = ex.MarkPrice(market);
        var size = market.ToSize(Math.Abs(p.Size));
        var openOrders = ex.OrdersOf(a.Index).Count(o => o.IsActive && o.Market.MarketId == market.MarketId);
        w.WriteStartObject();
        w.WriteNumber("market_id", market.MarketId);
        w.WriteString("symbol", market.Symbol);
        w.WriteString("initial_margin_fraction", SandboxMarket.FormatFixed(SandboxExchange.MarginFraction(a, market) / 100m, 2));
        w.WriteNumber("open_order_count", openOrders);
        w.WriteNumber("pending_order_count", 0);
        w.WriteNumber("position_tied_order_count", 0);
        WritePositionFigures(w, market, p, mark, size);
        w.WriteString("total_funding_paid_out", Usdc(0m));
        w.WriteString("total_discount", Usdc(0m));
        w.WriteNumber("margin_set_flag", 0);
        w.WriteEndObject();
    }

    /// <summary>The AsyncAPI <c>Position</c> (account channels).</summary>
    public static void WritePosition(Utf8JsonWriter w, SandboxExchange ex, SandboxMarket market, PositionState p)
    {
        w.WriteStartObject();
        w.WriteNumber("market_id", market.MarketId);
        WritePositionFigures(w, market, p, ex.MarkPrice(market), market.ToSize(Math.Abs(p.Size)));
        w.WriteEndObject();
    }

    /// <summary>The OpenAPI <c>ApiKey</c>.</summary>
    public static void WriteApiKey(Utf8JsonWriter w, long accountIndex, int apiKeyIndex, ApiKeyState key)
    {
        w.WriteStartObject();
        w.WriteNumber("account_index", accountIndex);
        w.WriteNumber("api_key_index", apiKeyIndex);
        w.WriteNumber("nonce", key.NextNonce);
        w.WriteString("public_key", key.PublicKey.ToHex());
        w.WriteNumber("transaction_time", key.RegisteredAtMs * 1000);
        w.WriteEndObject();
    }

    private static void WriteAccountCore(Utf8JsonWriter w, SandboxExchange ex, AccountState a)
    {
        WriteOk(w);
        w.WriteNumber("account_type", a.MasterIndex is null ? 0 : 1);
        w.WriteNumber("account_trading_mode", 0);
        w.WriteNumber("index", a.Index);
        w.WriteString("l1_address", a.L1Address);
        w.WriteNumber("cancel_all_time", a.CancelAllTimeMs);
        var orders = ex.OrdersOf(a.Index).Where(o => o.IsActive).ToList();
        w.WriteNumber("total_order_count", orders.Count);
        w.WriteNumber("total_isolated_order_count", 0);
        w.WriteNumber("pending_order_count", 0);
        w.WriteString("available_balance", Usdc(ex.AvailableBalance(a)));
        w.WriteNumber("status", 1);
        w.WriteString("collateral", Usdc(a.Collateral));
        w.WriteNumber("transaction_time", ex.NowMs * 1000);
    }

    private static void WritePositionFigures(Utf8JsonWriter w, SandboxMarket market, PositionState p, decimal mark, decimal size)
    {
        w.WriteNumber("sign", p.Size < 0 ? -1 : 1);
        w.WriteString("position", market.FormatSize(Math.Abs(p.Size)));
        w.WriteString("avg_entry_price", SandboxMarket.FormatFixed(PositionMath.AverageEntry(p, market), market.PriceDecimals));
        w.WriteString("position_value", Usdc(size * mark));
        w.WriteString("unrealized_pnl", Usdc(PositionMath.Unrealized(p, market, mark)));
        w.WriteString("realized_pnl", Usdc(p.RealizedPnl));
        w.WriteString("liquidation_price", "0");
        w.WriteNumber("margin_mode", p.MarginMode);
        w.WriteString("allocated_margin", Usdc(0m));
    }

    private static void WritePoolInfo(Utf8JsonWriter w)
    {
        w.WriteStartObject("pool_info");
        w.WriteNumber("status", 0);
        w.WriteString("operator_fee", "0");
        w.WriteString("min_operator_share_rate", "0");
        w.WriteNumber("total_shares", 0);
        w.WriteNumber("operator_shares", 0);
        w.WriteNumber("annual_percentage_yield", 0);
        w.WriteStartArray("daily_returns");
        w.WriteEndArray();
        w.WriteStartArray("share_prices");
        w.WriteEndArray();
        w.WriteNumber("sharpe_ratio", 0);
        w.WriteStartArray("strategies");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Writes <c>"code":200</c>, the success marker of every response object.</summary>
    public static void WriteOk(Utf8JsonWriter w) => w.WriteNumber("code", SandboxErrorCodes.Ok);

    private static string Usdc(decimal value) => SandboxMarket.FormatFixed(value, UsdcDecimals);
}
