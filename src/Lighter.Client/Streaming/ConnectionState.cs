namespace Lighter.Client.Streaming;

/// <summary>State of one socket of a <see cref="LighterWebSocketClient"/>.</summary>
public enum ConnectionState
{
    /// <summary>Opening the socket and waiting for the server's <c>connected</c> frame.</summary>
    Connecting,

    /// <summary>Connected; every subscription of the socket has been (re)sent.</summary>
    Connected,

    /// <summary>The socket failed, closed or went silent; waiting <see cref="ConnectionStateChangedEventArgs.RetryIn"/> before the next attempt.</summary>
    Reconnecting,

    /// <summary>Closed for good (the client was disposed).</summary>
    Closed,

    /// <summary>
    /// Closed for good because <see cref="LighterWebSocketOptions.MaxReconnectAttempts"/> reconnect attempts in a row
    /// failed; <see cref="ConnectionStateChangedEventArgs.Exception"/> holds the <see cref="LighterConnectionException"/>
    /// every stream of the client ended with.
    /// </summary>
    Failed,
}

/// <summary>Raised when a socket of the client changes state.</summary>
public sealed class ConnectionStateChangedEventArgs : EventArgs
{
    internal ConnectionStateChangedEventArgs(int connectionId, ConnectionState previous, ConnectionState current, string reason, TimeSpan retryIn, Exception? exception = null)
    {
        Exception = exception;
        ConnectionId = connectionId;
        Previous = previous;
        Current = current;
        Reason = reason;
        RetryIn = retryIn;
    }

    /// <summary>Index of the socket within the client (0 for the first; more open beyond 500 subscriptions).</summary>
    public int ConnectionId { get; }

    /// <summary>State before the change.</summary>
    public ConnectionState Previous { get; }

    /// <summary>State after the change.</summary>
    public ConnectionState Current { get; }

    /// <summary>Why the state changed.</summary>
    public string Reason { get; }

    /// <summary>For <see cref="ConnectionState.Reconnecting"/>: the backoff delay before the next attempt.</summary>
    public TimeSpan RetryIn { get; }

    /// <summary>For <see cref="ConnectionState.Failed"/>: the exception the client's streams ended with.</summary>
    public Exception? Exception { get; }
}
