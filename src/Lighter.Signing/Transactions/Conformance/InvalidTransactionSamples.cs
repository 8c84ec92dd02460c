using System.Text.Json;

namespace Lighter.Signing.Transactions.Conformance;

/// <summary>
/// Inputs for the cases of <c>oracle/invalid_transactions.json</c>, which records only each case's name and the
/// official error. Each input is a valid transaction with the one defect its name describes, so the official
/// validation order must report exactly the recorded error.
/// </summary>
internal static class InvalidTransactionSamples
{
    /// <summary>The header used by every sample unless it overrides <c>ExpiredAt</c>.</summary>
    public static readonly TxHeader Header = new(AccountIndex: 1, ApiKeyIndex: 0, Nonce: 0, ExpiredAt: 1_767_225_600_000);

    private const string Limit = """
        {"MarketIndex":0,"ClientOrderIndex":1,"BaseAmount":1000,"Price":50000,"IsAsk":0,"Type":0,"TimeInForce":1,
         "ReduceOnly":0,"TriggerPrice":0,"OrderExpiry":1769644800000}
        """;

    private static readonly Dictionary<string, Sample> Samples = new(StringComparer.Ordinal)
    {
        ["price_zero"] = Order(new() { ["Price"] = 0 }),
        ["base_amount_zero_not_reduce_only"] = Order(new() { ["BaseAmount"] = 0 }),
        ["base_amount_too_high"] = Order(new() { ["BaseAmount"] = 1L << 48 }),
        ["client_order_index_too_high"] = Order(new() { ["ClientOrderIndex"] = 1L << 48 }),
        ["is_ask_2"] = Order(new() { ["IsAsk"] = 2 }),
        ["tif_3"] = Order(new() { ["TimeInForce"] = 3 }),
        ["limit_gtt_without_expiry"] = Order(new() { ["OrderExpiry"] = 0 }),
        ["limit_ioc_with_expiry"] = Order(new() { ["TimeInForce"] = 0 }),
        ["market_with_gtt"] = Order(new() { ["Type"] = 1, ["OrderExpiry"] = 0 }),
        ["limit_with_trigger"] = Order(new() { ["TriggerPrice"] = 49000 }),
        ["stop_loss_without_trigger"] = Order(new() { ["Type"] = 2, ["TimeInForce"] = 0, ["ReduceOnly"] = 1 }),
        ["stop_loss_on_spot"] = Order(new() { ["MarketIndex"] = 2048, ["Type"] = 2, ["TimeInForce"] = 0, ["TriggerPrice"] = 49000 }),
        ["reduce_only_on_spot"] = Order(new() { ["MarketIndex"] = 2048, ["ReduceOnly"] = 1 }),
        ["twap_ioc"] = Order(new() { ["Type"] = 6, ["TimeInForce"] = 0 }),
        ["order_type_7"] = Order(new() { ["Type"] = 7 }),
        ["market_index_255"] = Order(new() { ["MarketIndex"] = 255 }),
        ["cancel_all_immediate_with_time"] = new(TxType.CancelAllOrders, """{"TimeInForce":0,"Time":1767225600000}"""),
        ["cancel_all_tif_3"] = new(TxType.CancelAllOrders, """{"TimeInForce":3,"Time":0}"""),
        ["transfer_amount_zero"] = new(TxType.Transfer, """
            {"ToAccountIndex":2,"AssetIndex":3,"FromRouteType":0,"ToRouteType":0,"Amount":0,"USDCFee":0,
             "Memo":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}
            """),
        ["withdraw_asset_0"] = new(TxType.Withdraw, """{"AssetIndex":0,"RouteType":0,"Amount":2000000}"""),
        ["update_leverage_imf_zero"] = new(TxType.UpdateLeverage, """{"MarketIndex":0,"InitialMarginFraction":0,"MarginMode":0}"""),
        ["approve_integrator_fees_with_zero_expiry"] = new(TxType.ApproveIntegrator, """
            {"IntegratorAccountIndex":777,"MaxPerpsTakerFee":1000,"MaxPerpsMakerFee":200,"MaxSpotTakerFee":0,
             "MaxSpotMakerFee":0,"ApprovalExpiry":0}
            """),
        ["attrs_fee_without_integrator"] = new(TxType.CreateOrder, Limit, """{"2":500}"""),
        ["attrs_reduce_with_master_equality"] = new(TxType.CreateOrder, Limit, """{"6":3,"7":1}"""),
        ["attrs_self_trade_with_fees"] = new(TxType.CreateOrder, Limit, """{"1":777,"2":500,"6":1}"""),
        ["expired_at_too_high"] = new(TxType.CreateOrder, Limit, ExpiredAt: 1L << 48),
    };

    /// <summary>Names of all known cases.</summary>
    public static IEnumerable<string> Names => Samples.Keys;

    /// <summary>
    /// Builds and validates the named case's input and returns the exception it raised, or null when it was
    /// accepted. Throws <see cref="KeyNotFoundException"/> for a case this catalog does not know.
    /// </summary>
    public static LighterSigningException? Reject(string name)
    {
        var sample = Samples[name];
        try
        {
            using var body = JsonDocument.Parse(sample.Body);
            using var attributes = JsonDocument.Parse(sample.Attributes ?? "null");
            var tx = TransactionJsonReader.Read(
                sample.Type, body.RootElement, TransactionJsonReader.ReadAttributes(attributes.RootElement));
            tx.Validate(Header with { ExpiredAt = sample.ExpiredAt ?? Header.ExpiredAt });
            return null;
        }
        catch (LighterSigningException ex)
        {
            return ex;
        }
    }

    private static Sample Order(Dictionary<string, long> changes)
    {
        using var limit = JsonDocument.Parse(Limit);
        var fields = limit.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal);
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        return new Sample(TxType.CreateOrder, JsonSerializer.Serialize(fields, SampleJsonContext.Default.DictionaryStringInt64));
    }

    private sealed record Sample(TxType Type, string Body, string? Attributes = null, long? ExpiredAt = null);
}
