using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Lighter.Testing.Tests.Wire;

/// <summary>A minimal WebSocket client for asserting on the sandbox's frames.</summary>
internal sealed class WsTestClient : IAsyncDisposable
{
    private static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket = new();

    public static async Task<WsTestClient> ConnectAsync(Uri uri)
    {
        var client = new WsTestClient();
        await client._socket.ConnectAsync(uri, CancellationToken.None);
        return client;
    }

    public Task SendAsync(string json) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    public async Task<JsonElement> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(ReceiveTimeout);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException("closed by the server");
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                using var doc = JsonDocument.Parse(message.ToArray());
                return doc.RootElement.Clone();
            }
        }
    }

    /// <summary>Receives until a frame of the given type arrives (skipping others, e.g. height updates).</summary>
    public async Task<JsonElement> ReceiveTypeAsync(string type)
    {
        while (true)
        {
            var frame = await ReceiveAsync();
            if (frame.GetProperty("type").GetString() == type)
            {
                return frame;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // Already dropped by the sandbox.
            }
        }

        _socket.Dispose();
    }
}
