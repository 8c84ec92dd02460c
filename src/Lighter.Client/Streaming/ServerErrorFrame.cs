using System.Globalization;
using System.Text.Json;

namespace Lighter.Client.Streaming;

/// <summary>Turns a server <c>error</c> frame (<c>{"type":"error","code":…,"message":…}</c>) into one readable line.</summary>
internal static class ServerErrorFrame
{
    /// <summary>E.g. <c>server error 30003: Failed to subscribe: market 999 not found</c>; never throws.</summary>
    public static string Describe(ReadOnlySpan<byte> frame)
    {
        string? message = null;
        long? code = null;
        try
        {
            var reader = new Utf8JsonReader(frame);
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isMessage = reader.ValueTextEquals("message"u8);
                    var isCode = reader.ValueTextEquals("code"u8);
                    reader.Read();
                    if (isMessage && reader.TokenType == JsonTokenType.String)
                    {
                        message = reader.GetString();
                    }
                    else if (isCode && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number))
                    {
                        code = number;
                    }

                    reader.Skip();
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Whatever was read before the damage is still worth showing.
        }

        var prefix = code is { } c ? string.Create(CultureInfo.InvariantCulture, $"server error {c}") : "server error";
        return message is null ? prefix + " (no message)" : prefix + ": " + message;
    }
}
