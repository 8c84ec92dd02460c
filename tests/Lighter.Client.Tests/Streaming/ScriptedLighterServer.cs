using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lighter.Client.Tests.Streaming;

/// <summary>
/// A real Kestrel WebSocket server on 127.0.0.1:0 that speaks the Lighter stream protocol and that tests script:
/// publish updates, skip one, go silent, abort sockets, send malformed or unknown frames.
/// </summary>
internal sealed class ScriptedLighterServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<int, ServerBook> _books = new();
    private readonly List<ServerConnection> _connections = [];
    private readonly List<(ServerConnection Connection, JsonElement Frame)> _received = [];
    private readonly List<(Func<ServerConnection, JsonElement, bool> Match, TaskCompletionSource<JsonElement> Done)> _waiters = [];
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _sequence = new(1, 1); // book changes, snapshots and sends happen in one order
    private int _nextId;

    private ScriptedLighterServer(WebApplication app) => _app = app;

    public Uri Uri { get; private set; } = null!;

    /// <summary>When false, new connections neither answer pings nor receive anything (a silent peer).</summary>
    public bool Responsive { get; set; } = true;

    /// <summary>When true, upgrade requests are answered with HTTP 503 (a server that refuses every reconnect).</summary>
    public bool RefuseConnections { get; set; }

    /// <summary>Whether order-book frames carry nonce / begin_nonce (the live exchange does).</summary>
    public bool SendNonces { get; set; } = true;

    /// <summary>Reply to jsonapi/sendtx(batch); null means never answer.</summary>
    public Func<JsonElement, string?>? TransactionReply { get; set; }

    public IReadOnlyList<ServerConnection> Connections
    {
        get
        {
            lock (_gate)
            {
                return [.. _connections];
            }
        }
    }

    public static async Task<ScriptedLighterServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedLighterServer(app);
        app.UseWebSockets();
        app.Map("/stream", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Uri = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal) + "/stream");
        return server;
    }

    public ServerBook Book(int marketId) => _books.GetOrAdd(marketId, id => new ServerBook(id, this));

    /// <summary>Sends a frame to every connection subscribed to <paramref name="channel"/>.</summary>
    public async Task PublishAsync(string channel, string frame)
    {
        await _sequence.WaitAsync();
        try
        {
            await SendToSubscribersAsync(channel, frame);
        }
        finally
        {
            _sequence.Release();
        }
    }

    /// <summary>Runs a book change and (optionally) sends its frame while no snapshot can interleave.</summary>
    internal async Task<string> SequencedAsync(int marketId, Func<string> change, bool deliver)
    {
        await _sequence.WaitAsync();
        try
        {
            var frame = change();
            if (deliver)
            {
                await SendToSubscribersAsync("order_book/" + marketId, frame);
            }

            return frame;
        }
        finally
        {
            _sequence.Release();
        }
    }

    public Task PublishAsync(int marketId, string frame) => PublishAsync("order_book/" + marketId, frame);

    public async Task SendToAllAsync(string frame)
    {
        foreach (var connection in Connections)
        {
            await connection.SendAsync(frame);
        }
    }

    /// <summary>Kills every open socket without a close handshake.</summary>
    public void AbortAll()
    {
        foreach (var connection in Connections)
        {
            connection.Abort();
        }
    }

    /// <summary>Completes with the first (past or future) client frame that matches.</summary>
    public Task<JsonElement> WaitForFrameAsync(Func<ServerConnection, JsonElement, bool> match)
    {
        lock (_gate)
        {
            foreach (var (connection, frame) in _received)
            {
                if (match(connection, frame))
                {
                    return Task.FromResult(frame);
                }
            }

            var done = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
            return done.Task.WaitAsync(TestWait.Guard);
        }
    }

    /// <summary>The <c>type</c> of every client frame recorded so far, in arrival order.</summary>
    public IReadOnlyList<string?> ReceivedTypes()
    {
        lock (_gate)
        {
            return [.. _received.Select(r => Type(r.Frame))];
        }
    }

    public Task<JsonElement> WaitForSubscribeAsync(string channel, int connectionId) =>
        WaitForFrameAsync((c, f) => c.Id == connectionId && Type(f) == "subscribe" && f.GetProperty("channel").GetString() == channel);

    public async ValueTask DisposeAsync()
    {
        AbortAll();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal static string? Type(JsonElement frame) => frame.TryGetProperty("type", out var t) ? t.GetString() : null;

    private async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        if (RefuseConnections)
        {
            context.Response.StatusCode = 503;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new ServerConnection(Interlocked.Increment(ref _nextId) - 1, socket, Responsive);
        lock (_gate)
        {
            _connections.Add(connection);
        }

        await connection.SendAsync("""{"session_id":"test","type":"connected"}""");
        var buffer = new byte[1 << 16];
        try
        {
            while (true)
            {
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(count), context.RequestAborted);
                    count += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                using var document = JsonDocument.Parse(buffer.AsMemory(0, count));
                await OnFrameAsync(connection, document.RootElement.Clone());
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // Aborted by the test or by the client.
        }
        finally
        {
            connection.Closed = true;
        }
    }

    private async Task SendToSubscribersAsync(string channel, string frame)
    {
        foreach (var connection in Connections.Where(c => c.IsSubscribed(channel)))
        {
            await connection.SendAsync(frame);
        }
    }

    private async Task OnFrameAsync(ServerConnection connection, JsonElement frame)
    {
        await _sequence.WaitAsync();
        try
        {
            await RespondAsync(connection, frame);
        }
        finally
        {
            _sequence.Release();
        }

        Record(connection, frame);
    }

    private async Task RespondAsync(ServerConnection connection, JsonElement frame)
    {
        var type = Type(frame);
        var channel = frame.TryGetProperty("channel", out var c) ? c.GetString() : null;
        if (type == "subscribe" && channel is not null)
        {
            connection.Subscribe(channel);
        }
        else if (type == "unsubscribe" && channel is not null)
        {
            connection.Unsubscribe(channel);
        }

        if (connection.Responsive)
        {
            if (type == "subscribe" && channel!.StartsWith("order_book/", StringComparison.Ordinal))
            {
                await connection.SendAsync(Book(int.Parse(channel["order_book/".Length..], System.Globalization.CultureInfo.InvariantCulture)).Snapshot(SendNonces));
            }
            else if (type == "unsubscribe")
            {
                await connection.SendAsync($$"""{"channel":"{{channel!.Replace('/', ':')}}","type":"unsubscribed/{{channel.Split('/')[0]}}"}""");
            }
            else if (type == "ping")
            {
                await connection.SendAsync("""{"type":"pong"}""");
            }
            else if (type is "jsonapi/sendtx" or "jsonapi/sendtxbatch" && TransactionReply?.Invoke(frame) is { } reply)
            {
                await connection.SendAsync(reply);
            }
        }
    }

    private void Record(ServerConnection connection, JsonElement frame)
    {
        List<TaskCompletionSource<JsonElement>> done = [];
        lock (_gate)
        {
            _received.Add((connection, frame));
            foreach (var waiter in _waiters.ToList())
            {
                if (waiter.Match(connection, frame))
                {
                    _waiters.Remove(waiter);
                    done.Add(waiter.Done);
                }
            }
        }

        done.ForEach(d => d.TrySetResult(frame));
    }
}
