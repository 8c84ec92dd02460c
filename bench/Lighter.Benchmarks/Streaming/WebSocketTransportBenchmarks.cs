using Lighter.Client.OrderBooks;
using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using BenchmarkDotNet.Attributes;
using Lighter.Client.Streaming;
using Websocket.Client;

namespace Lighter.Benchmarks.Streaming;

/// <summary>
/// The same burst of <see cref="Frames"/> live-shaped <c>update/order_book</c> frames from a loopback Kestrel server,
/// received four ways. Transport only: the bare <see cref="ClientWebSocket"/> loop with a pooled buffer that our client
/// is built on, against Websocket.Client's <c>MessageReceived</c> stream (the option the design card named). Whole path
/// (receive, parse, continuity check, apply to the local book): our <see cref="LighterWebSocketClient"/>, against
/// Websocket.Client feeding the same parser and book. See docs/decisions/0002-websocket-transport.md.
/// Reported per frame. Server-side work is identical in all four and allocates nothing per frame.
/// </summary>
[MemoryDiagnoser]
public class WebSocketTransportBenchmarks
{
    private const int Frames = 1000;

    private LoopbackWebSocketServer _server = null!;
    private int _remaining;
    private TaskCompletionSource _done = NewSignal();

    private ClientWebSocket? _raw;
    private Task? _rawLoop;
    private WebsocketClient? _wsClient;
    private IDisposable? _wsSubscription;
    private LighterWebSocketClient? _lighter;
    private OrderBookSubscription? _book;
    private FrameDispatcher? _dispatcher;
    private byte[] _utf8 = [];

    /// <summary>The loop <c>WebSocketConnection</c> runs, minus dispatch: ArrayPool buffer, <c>ReceiveAsync(Memory)</c>.</summary>
    [GlobalSetup(Target = nameof(ClientWebSocketPooledLoop))]
    public async Task SetupRawAsync()
    {
        _server = await LoopbackWebSocketServer.StartAsync();
        _raw = new ClientWebSocket();
        _raw.Options.KeepAliveInterval = TimeSpan.Zero;
        await ExpectAsync(1, async () =>
        {
            await _raw.ConnectAsync(_server.Uri, CancellationToken.None);
            _rawLoop = RawLoopAsync(_raw);
        }); // the 'connected' frame
    }

    /// <summary>Websocket.Client 5.5.1 with reconnection off (it would only add a timer) and text conversion on (the JSON frames are text).</summary>
    [GlobalSetup(Target = nameof(WebsocketClientMessageReceived))]
    public async Task SetupWebsocketClientAsync()
    {
        _server = await LoopbackWebSocketServer.StartAsync();
        _wsClient = new WebsocketClient(_server.Uri) { IsReconnectionEnabled = false, ReconnectTimeout = null };
        _wsSubscription = _wsClient.MessageReceived.Subscribe(message =>
        {
            if (message.Text is not null)
            {
                Count();
            }
        });
        await ExpectAsync(1, () => _wsClient.Start());
    }

    /// <summary>Our client: order-book subscription, snapshot applied, every update parsed, checked for continuity and applied.</summary>
    [GlobalSetup(Target = nameof(LighterWebSocketClientOrderBook))]
    public async Task SetupLighterAsync()
    {
        _server = await LoopbackWebSocketServer.StartAsync();
        _lighter = new LighterWebSocketClient(new LighterWebSocketOptions
        {
            Uri = _server.Uri,
            KeepAliveInterval = TimeSpan.FromSeconds(30),
            DeadConnectionTimeout = TimeSpan.FromMinutes(5),
        });
        await ExpectAsync(1, async () =>
        {
            _book = await _lighter.SubscribeOrderBookAsync(0);
            _book.Book.Changed += (_, _) => Count();
        }); // the snapshot
        if (_book!.Book.Status != LocalOrderBookStatus.Synced)
        {
            throw new InvalidOperationException("the book did not sync from the snapshot: " + _book.Book.Status);
        }
    }

    /// <summary>Websocket.Client's text frames, encoded back to UTF-8 into a reused buffer, through our dispatcher and book.</summary>
    [GlobalSetup(Target = nameof(WebsocketClientOrderBook))]
    public async Task SetupWebsocketClientOrderBookAsync()
    {
        _server = await LoopbackWebSocketServer.StartAsync();
        var book = new LocalOrderBook(0);
        book.Changed += (_, _) => Count();
        _dispatcher = new FrameDispatcher(new NoControl(), new ThrowingDiagnostics());
        _dispatcher.TryAdd(new OrderBookSink(book, static (_, reason) => throw new InvalidOperationException("resync: " + reason)));
        _utf8 = new byte[64 * 1024];
        _wsClient = new WebsocketClient(_server.Uri) { IsReconnectionEnabled = false, ReconnectTimeout = null };
        _wsSubscription = _wsClient.MessageReceived.Subscribe(message =>
        {
            if (message.Text is { } text)
            {
                var length = Encoding.UTF8.GetBytes(text, _utf8);
                _dispatcher.Dispatch(_utf8.AsSpan(0, length));
            }
        });
        await _wsClient.Start();
        await ExpectAsync(1, () =>
        {
            _wsClient.Send("""{"type":"subscribe","channel":"order_book/0"}""");
            return Task.CompletedTask;
        }); // the snapshot
        if (book.Status != LocalOrderBookStatus.Synced)
        {
            throw new InvalidOperationException("the book did not sync from the snapshot: " + book.Status);
        }
    }

    /// <summary>Bare ClientWebSocket receive loop with a pooled buffer (our transport layer).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Frames)]
    public Task ClientWebSocketPooledLoop() => BurstAsync();

    /// <summary>Websocket.Client's MessageReceived observable (one string per frame).</summary>
    [Benchmark(OperationsPerInvoke = Frames)]
    public Task WebsocketClientMessageReceived() => BurstAsync();

    /// <summary>LighterWebSocketClient, frames applied to the local order book.</summary>
    [Benchmark(OperationsPerInvoke = Frames)]
    public async Task LighterWebSocketClientOrderBook()
    {
        await BurstAsync();
        if (_book!.Book.Status != LocalOrderBookStatus.Synced)
        {
            throw new InvalidOperationException("the book lost sync during the burst: " + _book.Book.Status);
        }
    }

    /// <summary>Websocket.Client transport with the same parse and book as ours.</summary>
    [Benchmark(OperationsPerInvoke = Frames)]
    public Task WebsocketClientOrderBook() => BurstAsync();

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _wsSubscription?.Dispose();
        _wsClient?.Dispose();
        if (_book is not null)
        {
            await _book.DisposeAsync();
        }

        if (_lighter is not null)
        {
            await _lighter.DisposeAsync();
        }

        _raw?.Abort();
        _raw?.Dispose();
        if (_rawLoop is not null)
        {
            await _rawLoop.ContinueWith(static _ => { }, TaskScheduler.Default);
        }

        await _server.DisposeAsync();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Task BurstAsync() => ExpectAsync(Frames, () => _server.SendBurstAsync(Frames));

    /// <summary>Arms the counter for <paramref name="frames"/> frames, runs <paramref name="trigger"/> and waits for all of them.</summary>
    private async Task ExpectAsync(int frames, Func<Task> trigger)
    {
        _done = NewSignal();
        Volatile.Write(ref _remaining, frames);
        await trigger();
        await _done.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private void Count()
    {
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            _done.TrySetResult();
        }
    }

    private async Task RawLoopAsync(ClientWebSocket socket)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var count = 0;
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(count), CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                count += result.Count;
                if (result.EndOfMessage)
                {
                    count = 0;
                    Count();
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private sealed class NoControl : IControlFrameHandler
    {
        public void OnConnected()
        {
        }

        public void OnPing()
        {
        }

        public void OnTransactionResponse(ReadOnlySpan<byte> frame)
        {
        }
    }

    private sealed class ThrowingDiagnostics : IStreamDiagnostics
    {
        public void Report(StreamDiagnosticKind kind, string message, string? channel, ReadOnlySpan<byte> frame) =>
            throw new InvalidOperationException(message);
    }
}
