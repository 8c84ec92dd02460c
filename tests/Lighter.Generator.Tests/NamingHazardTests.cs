using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lighter.Client.Api;
using Lighter.Client.Models;
using Lighter.Client.Serialization;

namespace Lighter.Generator.Tests;

/// <summary>Identifier hazards of the spec: case-only clashes, invalid operationIds, class-named properties.</summary>
public class NamingHazardTests
{
    [Fact]
    public void Candle_case_only_properties_get_distinct_names_and_keep_their_wire_names()
    {
        var json = """{"t":1767700500000,"o":1,"h":2,"l":0.5,"c":1.5,"v":10,"V":15.5,"i":7,"C":11.5,"H":12,"L":10.5,"O":11}""";
        var candle = JsonSerializer.Deserialize(json, LighterJsonContext.Default.Candle)!;

        Assert.Equal((1.5, 11.5), (candle.Close, candle.CloseRaw));
        Assert.Equal((2.0, 12.0), (candle.High, candle.HighRaw));
        Assert.Equal((0.5, 10.5), (candle.Low, candle.LowRaw));
        Assert.Equal((1.0, 11.0), (candle.Open, candle.OpenRaw));
        Assert.Equal((10.0, 15.5), (candle.BaseVolume, candle.QuoteVolume));
        Assert.Equal(json, JsonSerializer.Serialize(candle, LighterJsonContext.Default.Candle));
    }

    [Fact]
    public void Funding_rates_operation_id_becomes_a_valid_method()
    {
        var op = Assert.Single(LighterOperations.All, o => o.OperationId == "funding-rates");
        Assert.Equal((typeof(IFundingApi), "FundingRatesAsync", "/api/v1/funding-rates"), (op.Api, op.MethodName, op.Route));
        Assert.NotNull(typeof(IFundingApi).GetMethod(nameof(IFundingApi.FundingRatesAsync)));
    }

    [Fact]
    public void Property_named_like_its_class_becomes_items_or_value()
    {
        // TxHash.tx_hash, Orders.orders would be CS0542 (member named like its enclosing type).
        Assert.Equal("tx_hash", WireName(typeof(TxHash), nameof(TxHash.Value)));
        Assert.Equal("referral_code", WireName(typeof(ReferralCode), nameof(ReferralCode.Value)));
        Assert.Equal("orders", WireName(typeof(Orders), nameof(Orders.Items)));
        Assert.Equal("c", WireName(typeof(Candles), nameof(Candles.Items)));
    }

    [Fact]
    public void Snake_case_wire_names_map_to_pascal_case_properties()
    {
        Assert.Equal("order_index", WireName(typeof(Order), nameof(Order.OrderIndex)));
        Assert.Equal("l1_address", WireName(typeof(Account), nameof(Account.L1Address)));
        Assert.Equal("to_trigger_order_id_0", WireName(typeof(Order), nameof(Order.ToTriggerOrderId0)));
    }

    [Fact]
    public void Operation_ids_with_underscores_become_pascal_case_methods()
    {
        Assert.Equal("DepositHistoryAsync", LighterOperations.All.Single(o => o.OperationId == "deposit_history").MethodName);
        Assert.Equal("ReferralUserReferralsAsync", LighterOperations.All.Single(o => o.OperationId == "referral_userReferrals").MethodName);
    }

    private static string? WireName(Type type, string property) =>
        type.GetProperty(property)!.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;
}
