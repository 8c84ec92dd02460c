using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;

using Lighter.Signing.Auth;

namespace Lighter.Client.Streaming;

/// <summary>Sending: one writer at a time, subscription frames under the message budget.</summary>
internal sealed partial class WebSocketConnection
{
    /// <param name="frame">The frame.</param>
    /// <param name="operation">The frame's kind for telemetry (<c>subscribe</c>, <c>ping</c>, ...); never its content.</param>
    /// <param name="rateLimited">Whether the frame draws from the message budget.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    private async Task SendAsync(ReadOnlyMemory<byte> frame, string operation, bool rateLimited, CancellationToken cancellationToken)
    {
        if (rateLimited)
        {
            await _limiter.WaitAsync(operation, cancellationToken).ConfigureAwait(false);
        }

        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var socket = _socket;
            if (socket is null || socket.State != WebSocketState.Open)
            {
                throw new WebSocketException(WebSocketError.InvalidState, "The socket is not open.");
            }

            await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task SendSubscriptionAsync(SubscriptionSink sink, bool subscribe, CancellationToken cancellationToken)
    {
        var auth = subscribe && sink.RequiresAuth ? await _host.GetAuthTokenAsync(cancellationToken).ConfigureAwait(false) : null;
        if (auth is not null)
        {
            ScheduleAuthRefresh(auth.Deadline);
        }

        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type"u8, subscribe ? "subscribe"u8 : "unsubscribe"u8);
            writer.WriteString("channel"u8, sink.Address);
            if (auth is not null)
            {
                writer.WriteString("auth"u8, auth.Value);
            }

            writer.WriteEndObject();
        }

        await SendAsync(buffer.WrittenMemory, subscribe ? "subscribe" : "unsubscribe", rateLimited: true, cancellationToken).ConfigureAwait(false);
        if (subscribe)
        {
            sink.MarkLive();
        }
    }

    /// <summary>Sends a (un)subscribe frame; a socket that drops meanwhile resubscribes everything on reconnect.</summary>
    private async Task TrySendAsync(SubscriptionSink sink, bool subscribe, CancellationToken cancellationToken)
    {
        try
        {
            await SendSubscriptionAsync(sink, subscribe, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException)
        {
            // The socket dropped meanwhile; the reconnect path resends every subscription of this socket.
        }
    }

    private async Task ResyncAsync(SubscriptionSink sink)
    {
        try
        {
            await SendSubscriptionAsync(sink, subscribe: false, _lifetime.Token).ConfigureAwait(false);
            await SendSubscriptionAsync(sink, subscribe: true, _lifetime.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Failure here means the socket is going away; the reconnect resubscribes.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private async Task SendQuietlyAsync(byte[] frame, string operation)
    {
        try
        {
            await SendAsync(frame, operation, rateLimited: true, _lifetime.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Keepalive failures surface as a dead connection, not as exceptions.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
