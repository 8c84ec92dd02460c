using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lighter.Benchmarks.Streaming;

/// <summary>
/// In-process Kestrel WebSocket server on 127.0.0.1:0 speaking just enough of the Lighter stream protocol: it greets
/// with <c>connected</c>, answers an <c>order_book</c> subscribe with a snapshot, and on <see cref="SendBurstAsync"/>
/// pushes chained <c>update/order_book</c> frames to the one connected client.
/// </summary>
public sealed class LoopbackWebSocketServer : IAsyncDisposable
{
    private static readonly byte[] Connected = Encoding.UTF8.GetBytes("""{"session_id":"bench","type":"connected"}""");
    private readonly WebApplication _app;
    private readonly OrderBookFrameSource _frames = new();
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly TaskCompletionSource<WebSocket> _client = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LoopbackWebSocketServer(WebApplication app) => _app = app;

    /// <summary>The <c>ws://127.0.0.1:PORT/stream</c> address.</summary>
    public Uri Uri { get; private set; } = null!;

    /// <summary>Starts the server.</summary>
    public static async Task<LoopbackWebSocketServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LoopbackWebSocketServer(app);
        app.UseWebSockets();
        app.Map("/stream", server.AcceptAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Uri = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal) + "/stream");
        return server;
    }

    /// <summary>Sends <paramref name="count"/> update frames to the connected client, back to back.</summary>
    public async Task SendBurstAsync(int count)
    {
        var socket = await _client.Task;
        await _sendGate.WaitAsync();
        try
        {
            for (var i = 0; i < count; i++)
            {
                await socket.SendAsync(_frames.Next(), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _sendGate.Dispose();
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await socket.SendAsync(Connected, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        _client.TrySetResult(socket);
        var buffer = new byte[4096];
        while (socket.State == WebSocketState.Open)
        {
            WebSocketReceiveResult result;
            try
            {
                result = await socket.ReceiveAsync(buffer, context.RequestAborted);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                return;
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                return;
            }

            // A subscribe to the order book gets its snapshot (under the send gate: bursts and replies never interleave).
            var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
            if (text.Contains("\"subscribe\"", StringComparison.Ordinal) && text.Contains("order_book/0", StringComparison.Ordinal))
            {
                await _sendGate.WaitAsync();
                try
                {
                    await socket.SendAsync(_frames.Snapshot(), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                }
                finally
                {
                    _sendGate.Release();
                }
            }
        }
    }
}
