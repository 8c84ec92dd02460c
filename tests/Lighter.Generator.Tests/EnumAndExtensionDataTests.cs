using System.Text.Json;
using Lighter.Client.Models;
using Lighter.Client.Serialization;

namespace Lighter.Generator.Tests;

/// <summary>Enums tolerate values the server adds later; unknown fields are kept, not dropped.</summary>
public class EnumAndExtensionDataTests
{
    [Fact]
    public void Known_enum_values_read_and_write_their_exact_wire_strings()
    {
        var order = JsonSerializer.Deserialize("""{"status":"canceled-post-only","type":"stop-loss-limit","time_in_force":"Unknown","trigger_status":"mark-price"}""",
            PartialJson.For<Order>())!;
        Assert.Equal((OrderStatus.CanceledPostOnly, ReportedOrderType.StopLossLimit, ReportedTimeInForce.Unknown),
            (order.Status, order.Type, order.TimeInForce));

        var json = JsonSerializer.Serialize(order, PartialJson.For<Order>());
        Assert.Contains("\"status\":\"canceled-post-only\"", json, StringComparison.Ordinal);
        Assert.Contains("\"time_in_force\":\"Unknown\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_enum_value_reads_as_unrecognized_instead_of_throwing()
    {
        var order = JsonSerializer.Deserialize("""{"status":"canceled-by-a-future-rule","type":42}""", PartialJson.For<Order>())!;
        Assert.Equal(OrderStatus.Unrecognized, order.Status);
        Assert.Equal(ReportedOrderType.Unrecognized, order.Type);
    }

    [Fact]
    public void Unrecognized_cannot_be_sent()
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Serialize(new Order(), PartialJson.For<Order>()));
        Assert.Contains("Unrecognized", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderStatus.Unrecognized.ToWireValue());
    }

    [Fact]
    public void Wire_tables_parse_and_format_every_member()
    {
        Assert.Equal("in-progress", OrderStatus.InProgress.ToWireValue());
        Assert.True(OrderStatusConverter.Table.TryParse("filled", out var filled));
        Assert.Equal(OrderStatus.Filled, filled);
        Assert.False(OrderStatusConverter.Table.TryParse("FILLED", out var unknown));
        Assert.Equal(OrderStatus.Unrecognized, unknown);
        Assert.True(WireValues.TryFormat(CandlesResolution.TwelveHours, out var wire));
        Assert.Equal("12h", wire);
        Assert.False(WireValues.TryFormat(DayOfWeek.Monday, out _));
    }

    [Fact]
    public void Unknown_properties_are_kept_and_written_back()
    {
        var json = """{"code":200,"message":"ok","brand_new_field":{"nested":[1,2]},"another":"x"}""";
        var result = JsonSerializer.Deserialize(json, PartialJson.For<ResultCode>())!;

        Assert.Equal(200, result.Code);
        Assert.NotNull(result.AdditionalProperties);
        Assert.Equal("""{"nested":[1,2]}""", result.AdditionalProperties!["brand_new_field"].GetRawText());
        Assert.Equal(json, JsonSerializer.Serialize(result, PartialJson.For<ResultCode>()));
    }

    [Fact]
    public void Numbers_sent_as_strings_are_tolerated()
    {
        // The spec gives string examples for hundreds of numeric fields; accept both spellings on read.
        var nonce = JsonSerializer.Deserialize("""{"code":"200","nonce":"42"}""", PartialJson.For<NextNonce>())!;
        Assert.Equal((200, 42L), (nonce.Code, nonce.Nonce));
    }
}
