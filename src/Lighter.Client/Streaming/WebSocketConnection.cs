using System.Buffers;
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
    private string? _abortReason;
    private Task? _run;
    private ConnectionState _state = ConnectionState.Connecting;

    public WebSocketConnection(int id, LighterWebSocketOptions options, TimeProvider time, ILighterStreamHost host)
    {
        Id = id;
        _options = options;
        _time = time;
        _host = host;
        _limiter = new SendRateLimiter(options.MaxMessagesPerMinute, TimeSpan.FromMinutes(1), time);
        _backoff = new ReconnectBackoff(options.ReconnectInitialDelay, options.ReconnectMaxDelay, options.ReconnectJitter, Random.Shared.NextDouble);
        Dispatcher = new FrameDispatcher(this, host);
    }

    public int Id { get; }

    public FrameDispatcher Dispatcher { get; }

    public ConnectionState State => _state;

    public void Start() => _run ??= Task.Run(RunAsync);

    /// <summary>Completes once the socket is connected and its subscriptions were sent.</summary>
    public Task WaitConnectedAsync(CancellationToken cancellationToken) => Volatile.Read(ref _connected).Task.WaitAsync(cancellationToken);

    public async Task AddAsync(SubscriptionSink sink, CancellationToken cancellationToken)
    {
        sink.Connection = this;
        if (!Dispatcher.TryAdd(sink))
        {
            throw new InvalidOperationException($"Channel '{sink.Address}' is already subscribed on this client.");
        }

        if (_state == ConnectionState.Connected)
        {
            await TrySendAsync(sink, subscribe: true, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task RemoveAsync(SubscriptionSink sink, CancellationToken cancellationToken)
    {
        if (Dispatcher.Remove(sink) && _state == ConnectionState.Connected)
        {
            await TrySendAsync(sink, subscribe: false, cancellationToken).ConfigureAwait(false);
        }

        sink.OnCompleted();
    }

    /// <summary>Unsubscribes and subscribes again so the server sends a fresh snapshot.</summary>
    public void Resync(SubscriptionSink sink, string reason) => _ = ResyncAsync(sink);

    public async Task<WsTransactionResponse> SendTransactionsAsync(IReadOnlyList<SignedTransaction> transactions, bool batch, CancellationToken cancellationToken)
    {
        var (id, frame, response) = _transactions.Prepare(transactions, batch);
        try
        {
            await WaitConnectedAsync(cancellationToken).ConfigureAwait(false);

            // The timeout covers the send too, so it starts first.
            var reply = response.WaitAsync(_options.TransactionTimeout, _time, cancellationToken);

            // Transactions follow the REST tx limits, not the socket's message budget, so they skip the limiter.
            await SendAsync(frame, rateLimited: false, cancellationToken).ConfigureAwait(false);
            return await reply.ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No response to transaction request {id} within {_options.TransactionTimeout.TotalSeconds:0.###} s.");
        }
        finally
        {
            _transactions.Forget(id);
        }
    }

    void IControlFrameHandler.OnConnected() => _welcome.TrySetResult();

    void IControlFrameHandler.OnPing() => _ = SendQuietlyAsync(PongFrame);

    void IControlFrameHandler.OnTransactionResponse(ReadOnlySpan<byte> frame)
    {
        try
        {
            if (!_transactions.Complete(frame))
            {
                _host.Report(StreamDiagnosticKind.UnroutedMessage, "transaction response matches no open request", null, frame);
            }
        }
        catch (JsonException ex)
        {
            _host.Report(StreamDiagnosticKind.MalformedFrame, "transaction response: " + ex.Message, null, frame);
        }
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
            sink.OnCompleted();
        }

        _lifetime.Dispose();
        _sendLock.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
