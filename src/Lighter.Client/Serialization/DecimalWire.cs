using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Lighter.Client.Serialization;

/// <summary>
/// Exact conversion between wire decimal strings ("3024.66", "-0.022890") and <see cref="decimal"/>.
/// <see cref="decimal"/> keeps the scale, so "1.500" reads as 1.500 and writes back as "1.500": the wire string
/// round-trips byte for byte. Input that <see cref="decimal"/> cannot hold exactly (more than 28 fractional digits,
/// out of range) is an error, never silently rounded.
/// </summary>
internal static class DecimalWire
{
    /// <summary>Longest plain decimal text worth parsing: 29 digits, sign, point and leading zeros fit easily.</summary>
    private const int MaxLength = 64;

    public static decimal Read(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                if (!reader.HasValueSequence && !reader.ValueIsEscaped)
                {
                    return Parse(reader.ValueSpan);
                }

                Span<byte> buffer = stackalloc byte[MaxLength];
                if (reader.HasValueSequence ? reader.ValueSequence.Length > MaxLength : reader.ValueSpan.Length > MaxLength)
                {
                    throw Invalid("a string too long to be a decimal number");
                }

                return Parse(buffer[..reader.CopyString(buffer)]);
            case JsonTokenType.Number:
                // Tolerated: the field is a decimal string in the spec, but a JSON number is still a number.
                return reader.TryGetDecimal(out var number)
                    ? number
                    : throw Invalid("a number outside the range of decimal");
            default:
                throw Invalid($"a {reader.TokenType} token instead of a decimal string");
        }
    }

    public static void Write(Utf8JsonWriter writer, decimal value)
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..written]);
    }

    /// <summary>Parses <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?</c> exactly.</summary>
    public static decimal Parse(ReadOnlySpan<byte> text)
    {
        if (!IsPlainDecimal(text))
        {
            throw Invalid($"'{Show(text)}', which is not a plain decimal number");
        }

        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out var value))
        {
            throw Invalid($"'{Show(text)}', which is outside the range of decimal");
        }

        // decimal.TryParse rounds digits it cannot hold; formatting back exposes any such loss.
        Span<byte> roundTrip = stackalloc byte[MaxLength];
        value.TryFormat(roundTrip, out var written, default, CultureInfo.InvariantCulture);
        var exact = roundTrip[..written].SequenceEqual(text)
                    || (value == 0m && text[0] == (byte)'-' && roundTrip[..written].SequenceEqual(text[1..]));
        return exact ? value : throw Invalid($"'{Show(text)}', which has more digits than decimal holds exactly");
    }

    private static bool IsPlainDecimal(ReadOnlySpan<byte> text)
    {
        var i = 0;
        if (i < text.Length && text[i] == (byte)'-')
        {
            i++;
        }

        var integerStart = i;
        while (i < text.Length && char.IsAsciiDigit((char)text[i]))
        {
            i++;
        }

        var integerDigits = i - integerStart;
        if (integerDigits == 0 || (integerDigits > 1 && text[integerStart] == (byte)'0'))
        {
            return false;
        }

        if (i == text.Length)
        {
            return true;
        }

        if (text[i++] != (byte)'.' || i == text.Length)
        {
            return false;
        }

        return text[i..].IndexOfAnyExcept("0123456789"u8) < 0;
    }

    private static string Show(ReadOnlySpan<byte> text) =>
        text.Length <= MaxLength ? Encoding.UTF8.GetString(text) : Encoding.UTF8.GetString(text[..MaxLength]) + "…";

    /// <summary>
    /// A null message lets System.Text.Json write its own, which names the field ("Path: $.price"); the reason
    /// travels as the inner exception.
    /// </summary>
    private static JsonException Invalid(string what) =>
        new(null, new FormatException($"Expected a decimal number string but found {what}."));
}
