using System.Globalization;
using System.Text;
using System.Text.Json;
using Lighter.Client.Streaming;
using Lighter.Client.OrderBooks;

namespace Lighter.Cli.Commands;

/// <summary>Text forms of a book for <c>lighter book</c>.</summary>
internal static class BookJsonLine
{
    /// <summary><c>{"market":M,"offset":O,"bids":[["price","size"],...],"asks":[...]}</c> with the wire strings.</summary>
    public static string Format(OrderBookSnapshot book)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteNumber("market", book.MarketId);
            writer.WriteNumber("offset", book.Offset);
            WriteSide(writer, "bids", book.Bids);
            WriteSide(writer, "asks", book.Asks);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>One human-readable line: offset, best bid and best ask.</summary>
    public static string TopOfBook(OrderBookSnapshot book)
    {
        static string Level(IReadOnlyList<PriceLevel> side) => side.Count == 0 ? "-" : $"{side[0].SizeText} @ {side[0].PriceText}";
        return string.Create(CultureInfo.InvariantCulture, $"offset {book.Offset}  bid {Level(book.Bids)}  |  ask {Level(book.Asks)}");
    }

    private static void WriteSide(Utf8JsonWriter writer, string name, IReadOnlyList<PriceLevel> levels)
    {
        writer.WriteStartArray(name);
        foreach (var level in levels)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(level.PriceText);
            writer.WriteStringValue(level.SizeText);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }
}
