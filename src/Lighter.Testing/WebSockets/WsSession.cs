using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;

namespace Lighter.Testing.WebSockets;

/// <summary>
/// One WebSocket connection: a receive loop that hands frames to the hub, and a single send loop fed by an
/// unbounded queue, so messages leave in exactly the order the exchange produced them.
/// </summary>
internal sealed class WsSession(WebSocket socket, TimeSpan? idleTimeout, TimeProvider time)
{
    /// <summary>The largest client frame accepted (a 50-transaction batch is far smaller).</summary>
    private const int MaxMessageBytes = 1 << 20;

    private readonly Channel<byte[]> _outbox = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>The channels this connection is subscribed to, as echoed (e.g. <c>order_book:0</c>).</summary>
    public HashSet<string> Channels { get; } = new(StringComparer.Ordinal);

    /// <summary>Queues a JSON message built by <paramref name="write"/>.</summary>
    public void Send(Action<Utf8JsonWriter> write) => Send(Build(write));

    /// <summary>Queues an already built message (shared by every subscriber of a broadcast).</summary>
    public void Send(byte[] message) => _outbox.Writer.TryWrite(message);

    /// <summary>Builds a JSON message into a byte array.</summary>
    public static byte[] Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Drops the connection without a close handshake (fault injection).</summary>
    public void Abort()
    {
        _outbox.Writer.TryComplete();
        socket.Abort();
    }

    /// <summary>Runs until the client closes, the socket fails or <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(Func<WsSession, JsonElement, Task> onMessage, CancellationToken cancellationToken)
    {
        var sending = SendLoopAsync(cancellationToken);
        try
        {
            await ReceiveLoopAsync(onMessage, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer went away or the sandbox stopped: nothing to report.
        }
        finally
        {
            _outbox.Writer.TryComplete();
            await sending.ConfigureAwait(false);
        }
    }

    private async Task ReceiveLoopAsync(Func<WsSession, JsonElement, Task> onMessage, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (socket.State == WebSocketState.Open)
        {
            var result = await ReceiveWithinIdleTimeoutAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", cancellationToken).ConfigureAwait(false);
                return;
            }

            message.Write(buffer, 0, result.Count);
            if (message.Length > MaxMessageBytes)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "message too big", cancellationToken).ConfigureAwait(false);
                return;
            }

            if (!result.EndOfMessage)
            {
                continue;
            }

            JsonDocument? document = null;
            try
            {
                document = JsonDocument.Parse(message.ToArray());
            }
            catch (JsonException)
            {
                Send(w => WsProtocol.WriteError(w, SandboxErrorCodes.WebsocketInvalidJson, "Invalid Json"));
            }

            message.SetLength(0);
            if (document is not null)
            {
                using (document)
                {
                    await onMessage(this, document.RootElement).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>
    /// Receives the next frame; with an idle timeout, a client that sends nothing for that long is dropped, as the
    /// exchange drops silent connections (its limit is 2 minutes).
    /// </summary>
    private async Task<WebSocketReceiveResult> ReceiveWithinIdleTimeoutAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        if (idleTimeout is not { } idle)
        {
            return await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        using var silence = new CancellationTokenSource(idle, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, silence.Token);
        try
        {
            return await socket.ReceiveAsync(buffer, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (silence.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Abort();
            throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "idle timeout");
        }
    }

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in _outbox.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (socket.State != WebSocketState.Open)
                {
                    return;
                }

                await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection is gone; the receive loop ends as well.
        }
    }
}
