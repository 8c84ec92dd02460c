namespace Lighter.Client.Diagnostics;

/// <summary>Tag values and recording of <see cref="LighterTelemetry.WebSocketReconnectsInstrument"/> and <see cref="LighterTelemetry.OrderBookResyncsInstrument"/>.</summary>
internal static class StreamTelemetry
{
    /// <summary>The WebSocket send limiter's <c>lighter.limiter</c> value.</summary>
    public const string WebSocketLimiter = "websocket_messages";

    /// <summary>What ended the previous socket (<c>lighter.reason</c> of a reconnect).</summary>
    public static class ReconnectReason
    {
        public const string ServerClosed = "server_closed";
        public const string Dropped = "dropped";
        public const string Dead = "dead";
        public const string ConnectFailed = "connect_failed";
    }

    /// <summary>Why a book was rebuilt (<c>lighter.reason</c> of a book resync).</summary>
    public static class BookResyncReason
    {
        public const string Gap = "gap";
        public const string UnreadableFrame = "unreadable_frame";
        public const string Reconnect = "reconnect";
    }

    /// <summary>Counts one reconnect of the socket to <paramref name="server"/>; only host and port are tagged.</summary>
    public static void Reconnecting(Uri server, string reason)
    {
        if (!LighterTelemetry.WebSocketReconnects.Enabled) return;
        LighterTelemetry.WebSocketReconnects.Add(1,
            new KeyValuePair<string, object?>("lighter.reason", reason),
            new KeyValuePair<string, object?>("server.address", server.Host),
            new KeyValuePair<string, object?>("server.port", server.Port));
    }

    public static void BookResync(short marketId, string reason)
    {
        if (!LighterTelemetry.OrderBookResyncs.Enabled) return;
        LighterTelemetry.OrderBookResyncs.Add(1,
            new KeyValuePair<string, object?>("lighter.market_id", (int)marketId),
            new KeyValuePair<string, object?>("lighter.reason", reason));
    }
}
