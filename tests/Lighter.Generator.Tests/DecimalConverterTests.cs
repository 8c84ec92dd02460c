using System.Text.Json;
using Lighter.Client.Models;
using Lighter.Client.Serialization;

namespace Lighter.Generator.Tests;

/// <summary>Decimal-valued wire strings become <see cref="decimal"/> and are written back byte for byte.</summary>
public class DecimalConverterTests
{
    [Theory]
    [InlineData("3024.66")]
    [InlineData("3024.660")]
    [InlineData("-0.022890")]
    [InlineData("0")]
    [InlineData("0.0000")]
    [InlineData("281474976.710655")]
    [InlineData("1.000000000000000000")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("0.0000000000000000000000000001")]
    public void Wire_string_round_trips_exactly(string wire)
    {
        var json = $$"""{"price":"{{wire}}"}""";
        var order = JsonSerializer.Deserialize(json, PartialJson.For<SimpleOrder>())!;

        Assert.Equal(decimal.Parse(wire, System.Globalization.CultureInfo.InvariantCulture), order.Price);
        Assert.Contains($"\"price\":\"{wire}\"", JsonSerializer.Serialize(order, PartialJson.For<SimpleOrder>()), StringComparison.Ordinal);
    }

    [Fact]
    public void Price_fields_are_decimal_and_ids_stay_strings()
    {
        Assert.Equal(typeof(decimal), typeof(Order).GetProperty(nameof(Order.Price))!.PropertyType);
        Assert.Equal(typeof(decimal), typeof(Trade).GetProperty(nameof(Trade.UsdAmount))!.PropertyType);
        Assert.Equal(typeof(decimal?), typeof(ReqCreateRFQ).GetProperty(nameof(ReqCreateRFQ.BaseAmount))!.PropertyType);
        Assert.Equal(typeof(string), typeof(Order).GetProperty(nameof(Order.OrderId))!.PropertyType);
        Assert.Equal(typeof(string), typeof(Trade).GetProperty(nameof(Trade.TradeIdStr))!.PropertyType);
        Assert.Equal(typeof(string), typeof(OrderBook).GetProperty(nameof(OrderBook.CreatedAt))!.PropertyType);
    }

    [Theory]
    [InlineData("0.00000000000000000000000000001", "more digits")] // 29 fractional digits: decimal would round
    [InlineData("79228162514264337593543950336", "outside the range")]
    [InlineData("1e-5", "not a plain decimal")]
    [InlineData("", "not a plain decimal")]
    [InlineData("abc", "not a plain decimal")]
    [InlineData("01.5", "not a plain decimal")]
    [InlineData("1.", "not a plain decimal")]
    [InlineData(" 1", "not a plain decimal")]
    public void Invalid_or_inexact_input_is_a_clear_error_naming_the_field(string wire, string reason)
    {
        var e = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize($$"""{"order_id":"1","price":"{{wire}}"}""", PartialJson.For<SimpleOrder>()));
        Assert.Contains("$.price", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.InnerException!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Escaped_strings_and_json_numbers_are_read()
    {
        var escaped = JsonSerializer.Deserialize("""{"price":"\u0031.50"}""", PartialJson.For<SimpleOrder>())!;
        Assert.Equal(1.50m, escaped.Price);
        Assert.Equal("1.50", escaped.Price.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var number = JsonSerializer.Deserialize("""{"price":2.25}""", PartialJson.For<SimpleOrder>())!;
        Assert.Equal(2.25m, number.Price);
    }

    [Fact]
    public void Optional_decimal_reads_null_and_is_omitted_when_null()
    {
        var position = JsonSerializer.Deserialize("""{"total_funding_paid_out":null}""", PartialJson.For<AccountPosition>())!;
        Assert.Null(position.TotalFundingPaidOut);
        Assert.DoesNotContain("total_funding_paid_out", JsonSerializer.Serialize(position, PartialJson.For<AccountPosition>()),
            StringComparison.Ordinal);

        position = JsonSerializer.Deserialize("""{"total_funding_paid_out":"-5.10"}""", PartialJson.For<AccountPosition>())!;
        Assert.Equal(-5.10m, position.TotalFundingPaidOut);
        Assert.Contains("\"total_funding_paid_out\":\"-5.10\"", JsonSerializer.Serialize(position, PartialJson.For<AccountPosition>()),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_and_maps_of_decimal_strings_round_trip_exactly()
    {
        var chart = JsonSerializer.Deserialize("""{"market_id":1,"prices":["3024.66","0.100"]}""", PartialJson.For<MarketPriceChart>())!;
        Assert.Equal([3024.66m, 0.100m], chart.Prices);
        Assert.Equal("""{"market_id":1,"prices":["3024.66","0.100"]}""", JsonSerializer.Serialize(chart, PartialJson.For<MarketPriceChart>()));

        var info = JsonSerializer.Deserialize("""{"asset_index_prices":{"1":"3024.660","3":"1"}}""", PartialJson.For<LiquidationInfo>())!;
        Assert.Equal(3024.660m, info.AssetIndexPrices["1"]);
        Assert.Contains("\"asset_index_prices\":{\"1\":\"3024.660\",\"3\":\"1\"}",
            JsonSerializer.Serialize(info, PartialJson.For<LiquidationInfo>()), StringComparison.Ordinal);

        var e = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize("""{"prices":["1","x"]}""", PartialJson.For<MarketPriceChart>()));
        Assert.Contains("$.prices", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_does_not_allocate_beyond_the_model()
    {
        var json = """{"price":"3024.66"}"""u8.ToArray();
        var converter = new DecimalStringConverter();
        _ = ReadPrice(converter, json); // warm-up: one-time JIT and culture data
        var before = GC.GetAllocatedBytesForCurrentThread();
        var value = ReadPrice(converter, json);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(3024.66m, value);
    }

    private static decimal ReadPrice(DecimalStringConverter converter, byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        reader.Read();
        reader.Read();
        return converter.Read(ref reader, typeof(decimal), JsonSerializerOptions.Default);
    }
}
