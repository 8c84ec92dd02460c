using System.Text;
using Lighter.Signing.Transactions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Lighter.Client.OrderBooks;

using Lighter.Signing.Auth;

namespace Lighter.Client.Streaming;

/// <summary>
/// Resilient client for the Lighter WebSocket API: typed subscriptions as <see cref="IAsyncEnumerable{T}"/>, local
/// order books that resynchronise on gaps, transactions over the socket, and automatic reconnect + resubscribe.
/// </summary>
/// <remarks>
/// Subscriptions are spread over as many sockets as needed (<see cref="LighterWebSocketOptions.MaxSubscriptionsPerConnection"/>
/// each). Every socket waits for the server's <c>connected</c> frame, answers pings, sends its own keepalive, is
/// replaced when it goes silent, reconnects with exponential backoff and jitter (forever, or until
/// <see cref="LighterWebSocketOptions.MaxReconnectAttempts"/> attempts in a row failed: then the client ends, see
/// <see cref="Completion"/>), and resends all its subscriptions. Frames that cannot be used are reported through
/// <see cref="Diagnostic"/> and never end a stream.
/// </remarks>
public sealed class LighterWebSocketClient : ILighterStreamHost, IAsyncDisposable
{
    private const int MaxRawFrameChars = 4096;
    private readonly LighterWebSocketOptions _options;
    private readonly TimeProvider _time;
    private readonly StreamAuthTokenCache? _auth;
    private readonly SendRateLimiter _limiter;
    private readonly ILogger _logger;
    private readonly List<WebSocketConnection> _connections = [];
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _disposed;
    private LighterConnectionException? _failure;

    /// <summary>Creates a client; nothing connects until the first subscription, transaction or <see cref="ConnectAsync"/>.</summary>
    /// <param name="options">Settings; defaults to mainnet and the documented limits.</param>
    /// <param name="authTokenProvider">Source of auth tokens for auth-required channels (e.g. the signer).</param>
    /// <param name="timeProvider">Clock for every timer; defaults to <see cref="TimeProvider.System"/>.</param>
    /// <param name="logger">Receives state changes and undelivered-frame notices (never frame bodies or tokens).</param>
    public LighterWebSocketClient(
        LighterWebSocketOptions? options = null,
        IAuthTokenProvider? authTokenProvider = null,
        TimeProvider? timeProvider = null,
        ILogger<LighterWebSocketClient>? logger = null)
    {
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _options = options ?? new LighterWebSocketOptions();
        _options.Validate();
        _time = timeProvider ?? TimeProvider.System;
        _auth = authTokenProvider is null ? null : new StreamAuthTokenCache(authTokenProvider, _time, _options.AuthTokenRefreshMargin);

        // The exchange counts client messages per IP, so every socket of this client draws from one budget.
        _limiter = new SendRateLimiter(_options.MaxMessagesPerMinute, TimeSpan.FromMinutes(1), _time);
    }

    /// <summary>Raised when any socket of the client changes state (on the socket's thread).</summary>
    public event EventHandler<ConnectionStateChangedEventArgs>? StateChanged;

    /// <summary>Raised for frames the client could not deliver: malformed, unknown, unrouted, overflow, resync.</summary>
    public event EventHandler<StreamDiagnosticEventArgs>? Diagnostic;

    /// <summary>
    /// Completes when the client is disposed; faults with <see cref="LighterConnectionException"/> when it gave up
    /// reconnecting (<see cref="LighterWebSocketOptions.MaxReconnectAttempts"/>). Await it to supervise the client.
    /// </summary>
    public Task Completion => _completion.Task;

    /// <summary>Number of sockets currently open or reopening.</summary>
    public int ConnectionCount
    {
        get
        {
            lock (_gate)
            {
                return _connections.Count;
            }
        }
    }

    /// <summary>Opens the first socket and waits until it is connected.</summary>
    /// <param name="cancellationToken">Cancels the wait (not the socket).</param>
    public Task ConnectAsync(CancellationToken cancellationToken = default) =>
        Primary().WaitConnectedAsync(cancellationToken);

    /// <summary>Subscribes to a channel; its messages arrive through <see cref="LighterSubscription{T}.ReadAllAsync"/>.</summary>
    /// <typeparam name="T">Message type of the channel.</typeparam>
    /// <param name="channel">The channel, e.g. from the generated <c>LighterChannels</c> class.</param>
    /// <param name="cancellationToken">Cancels sending the subscribe frame.</param>
    public async Task<LighterSubscription<T>> SubscribeAsync<T>(ChannelSubscription<T> channel, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(channel);
        RequireAuthFor(channel.Address, channel.RequiresAuth);
        var sink = new TypedSubscriptionSink<T>(channel, _options.SubscriptionBufferCapacity);
        await AttachAsync(sink, cancellationToken).ConfigureAwait(false);
        return new LighterSubscription<T>(sink, this);
    }

    /// <summary>Keeps a local <see cref="LocalOrderBook"/> of <paramref name="marketId"/> in sync with <c>order_book/{market_id}</c>.</summary>
    /// <param name="marketId">Market index.</param>
    /// <param name="cancellationToken">Cancels sending the subscribe frame.</param>
    public async Task<OrderBookSubscription> SubscribeOrderBookAsync(short marketId, CancellationToken cancellationToken = default)
    {
        var book = new LocalOrderBook(marketId, _time);
        var sink = new OrderBookSink(book, static (s, reason) => s.Connection?.Resync(s, reason));
        await AttachAsync(sink, cancellationToken).ConfigureAwait(false);
        return new OrderBookSubscription(sink, this);
    }

    /// <summary>Sends one signed transaction with <c>jsonapi/sendtx</c> and waits for its response.</summary>
    /// <param name="transaction">Type and signed <c>tx_info</c>.</param>
    /// <param name="cancellationToken">Cancels the wait; the frame may already be sent.</param>
    /// <exception cref="LighterConnectionException">No readable response: the connection was lost, none came within
    /// <see cref="LighterWebSocketOptions.TransactionTimeout"/>, or it cannot be read (the transaction's fate is unknown).</exception>
    public Task<WsTransactionResponse> SendTransactionAsync(TxPayload transaction, CancellationToken cancellationToken = default) =>
        Primary().SendTransactionsAsync([transaction], batch: false, cancellationToken);

    /// <summary>Sends up to 15 signed transactions (one API key) with <c>jsonapi/sendtxbatch</c>.</summary>
    /// <param name="transactions">Types and signed <c>tx_info</c> strings, in order.</param>
    /// <param name="cancellationToken">Cancels the wait; the frame may already be sent.</param>
    /// <exception cref="LighterConnectionException">No readable response: the connection was lost, none came within
    /// <see cref="LighterWebSocketOptions.TransactionTimeout"/>, or it cannot be read (the transaction's fate is unknown).</exception>
    public Task<WsTransactionResponse> SendTransactionBatchAsync(IReadOnlyList<TxPayload> transactions, CancellationToken cancellationToken = default) =>
        Primary().SendTransactionsAsync(transactions, batch: true, cancellationToken);

    /// <summary>Sends a transaction signed by <c>LighterSigner</c> with <c>jsonapi/sendtx</c>.</summary>
    /// <param name="transaction">The signed transaction.</param>
    /// <param name="cancellationToken">Cancels the wait; the frame may already be sent.</param>
    public Task<WsTransactionResponse> SendTransactionAsync(SignedTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return SendTransactionAsync(new TxPayload((int)transaction.TxType, transaction.TxInfo), cancellationToken);
    }

    /// <summary>Sends up to 15 transactions signed by <c>LighterSigner</c> (one API key) with <c>jsonapi/sendtxbatch</c>.</summary>
    /// <param name="transactions">The signed transactions, in order.</param>
    /// <param name="cancellationToken">Cancels the wait; the frame may already be sent.</param>
    public Task<WsTransactionResponse> SendTransactionBatchAsync(IReadOnlyList<SignedTransaction> transactions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        return SendTransactionBatchAsync(transactions.Select(t => new TxPayload((int)t.TxType, t.TxInfo)).ToArray(), cancellationToken);
    }

    /// <summary>Closes every socket and completes every subscription.</summary>
    public async ValueTask DisposeAsync()
    {
        WebSocketConnection[] connections;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            connections = [.. _connections];
        }

        foreach (var connection in connections)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        _completion.TrySetResult();
    }

    internal Task DetachAsync(SubscriptionSink sink, CancellationToken cancellationToken) =>
        sink.Connection?.RemoveAsync(sink, cancellationToken) ?? Task.CompletedTask;

    void ILighterStreamHost.OnStateChanged(ConnectionStateChangedEventArgs args)
    {
        if (args.Current == ConnectionState.Reconnecting)
        {
            StreamingLog.Reconnecting(_logger, args.ConnectionId, args.RetryIn, args.Reason);
        }
        else
        {
            StreamingLog.StateChanged(_logger, args.ConnectionId, args.Previous, args.Current, args.Reason);
        }

        StateChanged?.Invoke(this, args);
    }

    void ILighterStreamHost.OnConnectionFailed(LighterConnectionException error)
    {
        WebSocketConnection[] others;
        lock (_gate)
        {
            _failure ??= error;
            others = [.. _connections];
        }

        // One socket giving up ends the client: the other sockets close and their streams end the same way.
        foreach (var connection in others)
        {
            connection.Fail(error);
        }

        _completion.TrySetException(error);
    }

    ValueTask<AuthToken> ILighterStreamHost.GetAuthTokenAsync(CancellationToken cancellationToken) =>
        _auth?.GetAsync(cancellationToken) ?? throw new LighterConfigurationException("An auth-required channel needs an IAuthTokenProvider.");

    void IStreamDiagnostics.Report(StreamDiagnosticKind kind, string message, string? channel, ReadOnlySpan<byte> frame)
    {
        if (kind is StreamDiagnosticKind.OrderBookResync or StreamDiagnosticKind.UnknownMessageType)
        {
            StreamingLog.Notice(_logger, kind, channel ?? "(connection)", message);
        }
        else
        {
            StreamingLog.FrameNotDelivered(_logger, kind, channel ?? "(connection)", message);
        }

        var handler = Diagnostic;
        if (handler is null)
        {
            return;
        }

        string? raw = null;
        if (!frame.IsEmpty)
        {
            raw = Encoding.UTF8.GetString(frame.Length > MaxRawFrameChars ? frame[..MaxRawFrameChars] : frame);
        }

        handler(this, new StreamDiagnosticEventArgs(kind, message, channel, raw));
    }

    private async Task AttachAsync(SubscriptionSink sink, CancellationToken cancellationToken)
    {
        WebSocketConnection connection;
        lock (_gate)
        {
            ThrowIfEnded();
            connection = _connections.FirstOrDefault(c => c.Dispatcher.Count < _options.MaxSubscriptionsPerConnection) ?? Open();
        }

        await connection.AddAsync(sink, cancellationToken).ConfigureAwait(false);
    }

    private WebSocketConnection Primary()
    {
        lock (_gate)
        {
            ThrowIfEnded();
            return _connections.Count > 0 ? _connections[0] : Open();
        }
    }

    private void ThrowIfEnded()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_failure is not null)
        {
            throw new LighterConnectionException("The client gave up reconnecting: " + _failure.Message, _failure);
        }
    }

    private WebSocketConnection Open()
    {
        var connection = new WebSocketConnection(_connections.Count, _options, _time, this, _limiter);
        _connections.Add(connection);
        connection.Start();
        return connection;
    }

    private void RequireAuthFor(string address, bool requiresAuth)
    {
        if (requiresAuth && _auth is null)
        {
            throw new LighterConfigurationException($"Channel '{address}' requires an auth token: pass an IAuthTokenProvider to the client.");
        }
    }
}
