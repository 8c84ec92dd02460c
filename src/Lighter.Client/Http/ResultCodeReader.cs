using System.Text;
using System.Text.Json;

namespace Lighter.Client.Http;

/// <summary>Reads the top-level <c>code</c> and <c>message</c> of a Lighter JSON body without building a DOM.</summary>
internal static class ResultCodeReader
{
    private const int MaxMessageLength = 512;

    /// <summary>
    /// Returns the top-level integer <c>code</c> and string <c>message</c>, if present, and whether the whole body
    /// is well-formed JSON (checked in the same single pass, so a malformed answer fails here, named, rather than
    /// deep inside deserialisation).
    /// </summary>
    public static (int? Code, string? Message, bool WellFormed) Read(ReadOnlySpan<byte> json)
    {
        int? code = null;
        string? message = null;
        try
        {
            var reader = new Utf8JsonReader(json);
            while (reader.Read())
            {
                if (reader.CurrentDepth != 1 || reader.TokenType != JsonTokenType.PropertyName) continue;
                var isCode = reader.ValueTextEquals("code"u8);
                var isMessage = !isCode && reader.ValueTextEquals("message"u8);
                if (!isCode && !isMessage) continue;
                reader.Read();
                if (isCode && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var c)) code = c;
                else if (isMessage && reader.TokenType == JsonTokenType.String) message = Bound(reader.GetString());
            }

            return (code, message, reader.BytesConsumed > 0);
        }
        catch (JsonException)
        {
            return (code, message, false);
        }
    }

    /// <summary>A bounded, printable excerpt of a non-JSON body for error messages.</summary>
    public static string? Excerpt(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty) return null;
        var text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, MaxMessageLength)]);
        return text.Trim();
    }

    private static string? Bound(string? text) => text is { Length: > MaxMessageLength } ? text[..MaxMessageLength] : text;
}
