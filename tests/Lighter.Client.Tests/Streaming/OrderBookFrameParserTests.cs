using System.Text;
using Lighter.Client.Streaming;
using Lighter.Client.OrderBooks;

namespace Lighter.Client.Tests.Streaming;

public sealed class OrderBookFrameParserTests
{
    private static OrderBookFrame Parse(string json)
    {
        var frame = new OrderBookFrame();
        Assert.Null(OrderBookFrameParser.Parse(Encoding.UTF8.GetBytes(json), frame));
        return frame;
    }

    [Fact]
    public void Reads_levels_offset_and_nonces_in_any_key_order()
    {
        var frame = Parse("""{"type":"update/order_book","order_book":{"nonce":140,"bids":[{"price":"3024.66","size":"0.5000"}],"begin_nonce":120,"asks":[{"size":"0","price":"3025.01"}],"offset":9},"channel":"order_book:12","offset":8,"timestamp":5}""");
        Assert.Equal(OrderBookFrameKind.Update, frame.Kind);
        Assert.Equal(12, frame.MarketId);
        Assert.Equal(9, frame.Offset); // the payload's own offset wins over the envelope's
        Assert.Equal(140, frame.Nonce);
        Assert.Equal(120, frame.BeginNonce);
        Assert.Equal(3024.66m, frame.Bids[0].Price);
        Assert.Equal("0.5000", frame.Bids[0].SizeText);
        Assert.Equal(0m, frame.Asks[0].Size);
        Assert.Equal(5, frame.Timestamp);
    }

    [Fact]
    public void Falls_back_to_the_envelope_offset_and_reports_absent_nonces()
    {
        var frame = Parse("""{"channel":"order_book/3","offset":77,"order_book":{"asks":[],"bids":null},"type":"subscribed/order_book"}""");
        Assert.True(frame.IsSnapshot);
        Assert.Equal(77, frame.Offset);
        Assert.Null(frame.Nonce);
        Assert.Null(frame.BeginNonce);
        Assert.Equal(0, frame.BidCount + frame.AskCount);
    }

    [Theory]
    [InlineData("update/order_book_v2", "Other")]
    [InlineData("subscribed/order_book", "Snapshot")]
    public void Reads_the_type_wherever_it_appears(string type, string expectedKind)
    {
        var expected = Enum.Parse<OrderBookFrameKind>(expectedKind);
        var frame = new OrderBookFrame();
        OrderBookFrameParser.Parse(Encoding.UTF8.GetBytes($$$"""{"type":"{{{type}}}","channel":"order_book:1","order_book":{}}"""), frame);
        Assert.Equal(expected, frame.Kind);
    }

    [Theory]
    [InlineData("3024.660", "3024.660")]
    [InlineData("0.00001", "0.00001")]
    [InlineData("007.5", "007.5")]
    [InlineData("1.", "1.")]
    [InlineData("12345678901234567890.123", "12345678901234567890.123")]
    public void Keeps_the_wire_text_exactly(string wire, string expected)
    {
        var frame = Parse($$$"""{"channel":"order_book:0","order_book":{"bids":[{"price":"{{{wire}}}","size":"1"}]}}""");
        Assert.Equal(expected, frame.Bids[0].PriceText);
        Assert.Equal(decimal.Parse(wire.TrimEnd('.'), System.Globalization.CultureInfo.InvariantCulture), frame.Bids[0].Price);
    }

    [Theory]
    [InlineData("""{"channel":"order_book:0","order_book":{"bids":[{"price":"1e5","size":"1"}]}}""", "order_book.bids[].price")]
    [InlineData("""{"channel":"order_book:0","order_book":{"asks":[{"price":"1"}]}}""", "order_book.asks[]")]
    [InlineData("""{"channel":"order_book:0"}""", "order_book")]
    [InlineData("""{"order_book":{}}""", "channel")]
    [InlineData("""{"channel":"order_book:0","order_book":{"bids":[{"price":"1","size":"1"}""", "malformed JSON")]
    [InlineData("""[1,2]""", "not a JSON object")]
    public void Names_the_field_of_a_malformed_frame(string json, string expected)
    {
        var error = OrderBookFrameParser.Parse(Encoding.UTF8.GetBytes(json), new OrderBookFrame());
        Assert.NotNull(error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
