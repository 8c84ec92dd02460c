using System.Globalization;
using System.Text.Json;

namespace Lighter.Testing.WebSockets;

/// <summary>A parsed channel address: its kind and numeric arguments (market and/or account).</summary>
internal readonly record struct WsChannel(string Kind, long[] Args)
{
    /// <summary>The channel as the server echoes it: parts joined with <c>:</c> (e.g. <c>order_book:0</c>).</summary>
    public string Echo => Args.Length == 0 ? Kind : Kind + ":" + string.Join(':', Args.Select(a => a.ToString(CultureInfo.InvariantCulture)));
}

/// <summary>Frame-level helpers of the WebSocket protocol (AsyncAPI <c>_control</c> messages).</summary>
internal static class WsProtocol
{
    private static readonly Dictionary<string, int> ArgumentCounts = new(StringComparer.Ordinal)
    {
        ["order_book"] = 1,
        ["trade"] = 1,
        ["height"] = 0,
        ["account_all"] = 1,
        ["account_orders"] = 2,
        ["account_all_orders"] = 1,
    };

    /// <summary>Parses <c>order_book/0</c> (subscriptions use <c>/</c>; <c>:</c> is accepted too).</summary>
    public static WsChannel? ParseChannel(string? address)
    {
        var parts = (address ?? "").Split('/', ':');
        if (!ArgumentCounts.TryGetValue(parts[0], out var count) || parts.Length != count + 1)
        {
            return null;
        }

        var args = new long[count];
        for (var i = 0; i < count; i++)
        {
            if (!long.TryParse(parts[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out args[i]))
            {
                return null;
            }
        }

        return new WsChannel(parts[0], args);
    }

    /// <summary>The AsyncAPI <c>ServerError</c> frame: <c>{"type":"error","code":…,"message":…}</c>.</summary>
    public static void WriteError(Utf8JsonWriter w, int code, string message)
    {
        w.WriteStartObject();
        w.WriteString("type", "error");
        w.WriteNumber("code", code);
        w.WriteString("message", message);
        w.WriteEndObject();
    }

    /// <summary>Starts a channel message: <c>type</c>, <c>channel</c>, <c>timestamp</c> (the caller closes the object).</summary>
    public static void StartChannelMessage(Utf8JsonWriter w, string type, string channel, long timestampMs)
    {
        w.WriteStartObject();
        w.WriteString("type", type);
        w.WriteString("channel", channel);
        w.WriteNumber("timestamp", timestampMs);
    }

    /// <summary>Reads a string property, or null when it is missing or not a string.</summary>
    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
