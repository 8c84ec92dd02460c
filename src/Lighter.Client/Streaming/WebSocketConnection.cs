using System.Net.WebSockets;
using System.Text.Json;

namespace Lighter.Client.Streaming;

/// <summary>
/// One socket of the client: connects, waits for <c>connected</c>, (re)subscribes its sinks, answers pings, sends
/// keepalives, declares a silent socket dead, and reconnects with backoff until disposed.
/// </summary>
/// <remarks>
/// Built on <see cref="ClientWebSocket"/> directly so that every timer (keepalive, dead-connection check, connect
/// timeout, backoff) runs on the injected <see cref="TimeProvider"/> and frames are parsed from pooled buffers.
/// </remarks>
internal sealed partial class WebSocketConnection : IControlFrameHandler, IAsyncDisposable
{
    private const int MaxFrameBytes = 64 * 1024 * 1024;
    private static readonly byte[] PingFrame = """{"type":"ping"}"""u8.ToArray();
    private static readonly byte[] PongFrame = """{"type":"pong"}"""u8.ToArray();

    private readonly LighterWebSocketOptions _options;
    private readonly TimeProvider _time;
    private readonly ILighterStreamHost _host;
    private readonly SendRateLimiter _limiter;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly ReconnectBackoff _backoff;
    private readonly TransactionCorrelator _transactions = new();
    private TaskCompletionSource _connected = NewSignal();
    private TaskCompletionSource _welcome = NewSignal();
    private ClientWebSocket? _socket;
    private ITimer? _keepAlive;
    private long _lastReceived;
    private int _socketGeneration;
    private string? _abortReason;
    private Task? _run;
    private LighterConnectionException? _failure;
    private readonly Lock _stateGate = new();
    private ConnectionState _state = ConnectionState.Connecting;

    public WebSocketConnection(int id, LighterWebSocketOptions options, TimeProvider time, ILighterStreamHost host, SendRateLimiter limiter)
    {
        Id = id;
        _options = options;
        _time = time;
        _host = host;
        _limiter = limiter;
        _backoff = new ReconnectBackoff(options.ReconnectInitialDelay, options.ReconnectMaxDelay, options.ReconnectJitter, Random.Shared.NextDouble);
        Dispatcher = new FrameDispatcher(this, host);
    }

    public int Id { get; }

    public FrameDispatcher Dispatcher { get; }

    public ConnectionState State
    {
        get
        {
            lock (_stateGate)
            {
                return _state;
            }
        }
    }

    public void Start() => _run ??= Task.Run(RunAsync);

    /// <summary>Completes once the socket is connected and its subscriptions were sent.</summary>
    public Task WaitConnectedAsync(CancellationToken cancellationToken) => Volatile.Read(ref _connected).Task.WaitAsync(cancellationToken);

    public async Task AddAsync(SubscriptionSink sink, CancellationToken cancellationToken)
    {
        sink.Connection = this;
        sink.Time = _time;
        bool connected;

        // Adding and reading the state under the lock that also guards the switch to Connected means either the
        // run loop's second pass sees this sink or this call sees Connected (never neither).
        lock (_stateGate)
        {
            if (!Dispatcher.TryAdd(sink))
            {
                throw new InvalidOperationException($"Channel '{sink.Address}' is already subscribed on this client.");
            }

            connected = _state == ConnectionState.Connected;
        }

        // If the socket is up, send now; otherwise (or if a reconnect is resubscribing) the run loop sends it.
        if (connected && sink.TryClaim(Volatile.Read(ref _socketGeneration)))
        {
            await TrySendAsync(sink, subscribe: true, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task RemoveAsync(SubscriptionSink sink, CancellationToken cancellationToken)
    {
        if (Dispatcher.Remove(sink) && State == ConnectionState.Connected)
        {
            await TrySendAsync(sink, subscribe: false, cancellationToken).ConfigureAwait(false);
        }

        sink.Complete();
    }

    /// <summary>Unsubscribes and subscribes again so the server sends a fresh snapshot.</summary>
    public void Resync(SubscriptionSink sink, string reason) => _ = ResyncAsync(sink);

    public async Task<WsTransactionResponse> SendTransactionsAsync(IReadOnlyList<TxPayload> transactions, bool batch, CancellationToken cancellationToken)
    {
        var (id, frame, response) = _transactions.Prepare(transactions, batch);

        // One deadline covers waiting for the socket, sending and the reply.
        using var timeout = new CancellationTokenSource(_options.TransactionTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await WaitConnectedAsync(linked.Token).ConfigureAwait(false);
            var reply = response.WaitAsync(linked.Token);

            // Transactions follow the REST tx limits, not the socket's message budget, so they skip the limiter.
            await SendAsync(frame, batch ? "sendtxbatch" : "sendtx", rateLimited: false, linked.Token).ConfigureAwait(false);
            return await reply.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new LighterConnectionException($"No response to transaction request {id} within {_options.TransactionTimeout.TotalSeconds:0.###} s.");
        }
        finally
        {
            _transactions.Forget(id);
        }
    }

    void IControlFrameHandler.OnConnected() => _welcome.TrySetResult();

    void IControlFrameHandler.OnPing() => _ = SendQuietlyAsync(PongFrame, "pong");

    void IControlFrameHandler.OnTransactionResponse(ReadOnlySpan<byte> frame)
    {
        // Complete never throws: an unreadable reply fails its request at once, or is reported when it matches none.
        var (matched, problem) = _transactions.Complete(frame);
        if (problem is not null)
        {
            _host.Report(StreamDiagnosticKind.MalformedFrame, "transaction response: " + problem + (matched ? "" : "; it matches no open request"), null, frame);
        }
        else if (!matched)
        {
            _host.Report(StreamDiagnosticKind.UnroutedMessage, "transaction response matches no open request", null, frame);
        }
    }

    /// <summary>Ends this connection because another socket of the client gave up: its streams fault with <paramref name="error"/>.</summary>
    public void Fail(LighterConnectionException error)
    {
        _failure = error;
        try
        {
            _lifetime.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already disposed: nothing left to end.
        }

        // The receive loop does not watch the lifetime token; aborting the socket ends it.
        _socket?.Abort();
    }

    public async ValueTask DisposeAsync()
    {
        await _lifetime.CancelAsync().ConfigureAwait(false);
        _socket?.Abort();
        if (_run is not null)
        {
            await _run.ConfigureAwait(false);
        }

        foreach (var sink in Dispatcher.Sinks)
        {
            sink.Complete();
        }

        _lifetime.Dispose();
        _sendLock.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
