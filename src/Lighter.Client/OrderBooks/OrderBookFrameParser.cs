using System.Text.Json;

namespace Lighter.Client.OrderBooks;

/// <summary>
/// Reads an <c>order_book</c> frame straight from its UTF-8 bytes with <see cref="Utf8JsonReader"/> (no DOM, no
/// string allocation for canonical numbers). Unknown properties are skipped, so new server fields never break it.
/// </summary>
internal static class OrderBookFrameParser
{
    /// <summary>
    /// Parses <paramref name="utf8Json"/> into <paramref name="frame"/>, including its <c>type</c> (see
    /// <see cref="OrderBookFrame.Kind"/>). Returns a message naming the offending field when the frame is not a
    /// well-formed order-book payload, otherwise <see langword="null"/>.
    /// </summary>
    public static string? Parse(ReadOnlySpan<byte> utf8Json, OrderBookFrame frame)
    {
        frame.Reset();
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 16 });
        long? outerOffset = null;
        long? innerOffset = null;
        var sawBook = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "frame is not a JSON object";
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("order_book"u8))
                {
                    reader.Read();
                    var error = ReadBook(ref reader, frame, ref innerOffset);
                    if (error is not null)
                    {
                        return error;
                    }

                    sawBook = true;
                }
                else if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    frame.Kind = reader.ValueTextEquals("update/order_book"u8) ? OrderBookFrameKind.Update
                        : reader.ValueTextEquals("subscribed/order_book"u8) ? OrderBookFrameKind.Snapshot
                        : reader.ValueTextEquals("unsubscribed/order_book"u8) ? OrderBookFrameKind.Unsubscribed
                        : OrderBookFrameKind.Other;
                }
                else if (reader.ValueTextEquals("channel"u8))
                {
                    reader.Read();
                    frame.MarketId = ParseMarketId(ref reader);
                }
                else if (reader.ValueTextEquals("offset"u8))
                {
                    reader.Read();
                    outerOffset = reader.TokenType == JsonTokenType.Number ? reader.GetInt64() : null;
                }
                else if (reader.ValueTextEquals("timestamp"u8))
                {
                    reader.Read();
                    frame.Timestamp = reader.TokenType == JsonTokenType.Number ? reader.GetInt64() : 0;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException ex)
        {
            return "malformed JSON: " + ex.Message;
        }
        catch (FormatException ex)
        {
            return "malformed number: " + ex.Message;
        }
        catch (InvalidOperationException ex)
        {
            return "unexpected token: " + ex.Message;
        }

        if (!sawBook)
        {
            return "field 'order_book' is missing";
        }

        if (frame.MarketId < 0)
        {
            return "field 'channel' does not name a market";
        }

        frame.Offset = innerOffset ?? outerOffset ?? 0;
        return null;
    }

    private static string? ReadBook(ref Utf8JsonReader reader, OrderBookFrame frame, ref long? offset)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return "field 'order_book' is not an object";
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("bids"u8))
            {
                reader.Read();
                var error = ReadLevels(ref reader, frame, bids: true);
                if (error is not null)
                {
                    return error;
                }
            }
            else if (reader.ValueTextEquals("asks"u8))
            {
                reader.Read();
                var error = ReadLevels(ref reader, frame, bids: false);
                if (error is not null)
                {
                    return error;
                }
            }
            else if (reader.ValueTextEquals("offset"u8))
            {
                reader.Read();
                offset = ReadInt64(ref reader);
            }
            else if (reader.ValueTextEquals("nonce"u8))
            {
                reader.Read();
                frame.Nonce = ReadInt64(ref reader);
            }
            else if (reader.ValueTextEquals("begin_nonce"u8))
            {
                reader.Read();
                frame.BeginNonce = ReadInt64(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return null;
    }

    private static string? ReadLevels(ref Utf8JsonReader reader, OrderBookFrame frame, bool bids)
    {
        var side = bids ? "bids" : "asks";
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return $"field 'order_book.{side}' is not an array";
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            decimal price = 0, size = 0;
            string? priceText = null, sizeText = null;
            bool hasPrice = false, hasSize = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("price"u8))
                {
                    reader.Read();
                    hasPrice = ReadDecimal(ref reader, out price, out priceText);
                    if (!hasPrice)
                    {
                        return $"field 'order_book.{side}[].price' is not a decimal string";
                    }
                }
                else if (reader.ValueTextEquals("size"u8))
                {
                    reader.Read();
                    hasSize = ReadDecimal(ref reader, out size, out sizeText);
                    if (!hasSize)
                    {
                        return $"field 'order_book.{side}[].size' is not a decimal string";
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (!hasPrice || !hasSize)
            {
                return $"field 'order_book.{side}[]' lacks price or size";
            }

            var level = new PriceLevel(price, size, priceText, sizeText);
            if (bids)
            {
                frame.AddBid(level);
            }
            else
            {
                frame.AddAsk(level);
            }
        }

        return reader.TokenType == JsonTokenType.EndArray ? null : $"field 'order_book.{side}' holds a non-object level";
    }

    private static bool ReadDecimal(ref Utf8JsonReader reader, out decimal value, out string? text)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Number) || reader.ValueIsEscaped || reader.HasValueSequence)
        {
            value = 0;
            text = null;
            return false;
        }

        return WireDecimal.TryParseWithText(reader.ValueSpan, out value, out text);
    }

    private static long? ReadInt64(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number ? reader.GetInt64() : null;

    /// <summary>Reads the market id from <c>order_book:12</c> (server echo) or <c>order_book/12</c>.</summary>
    private static int ParseMarketId(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            return -1;
        }

        var span = reader.ValueSpan;
        var separator = span.LastIndexOfAny((byte)':', (byte)'/');
        if (separator < 0)
        {
            return -1;
        }

        var id = 0;
        var digits = span[(separator + 1)..];
        if (digits.IsEmpty || digits.Length > 9)
        {
            return -1;
        }

        foreach (var b in digits)
        {
            if ((uint)(b - '0') > 9)
            {
                return -1;
            }

            id = (id * 10) + (b - '0');
        }

        return id;
    }
}
