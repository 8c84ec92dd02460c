namespace Lighter.Client.Streaming;

/// <summary>Settings of a <see cref="LighterWebSocketClient"/>. The defaults follow the exchange's documented limits.</summary>
public sealed class LighterWebSocketOptions
{
    /// <summary>WebSocket endpoint; defaults to <see cref="LighterEnvironment.Mainnet"/>'s stream URL.</summary>
    public Uri Uri { get; set; } = LighterEnvironment.Mainnet.WebSocketUrl;

    /// <summary>
    /// Interval of the client's <c>{"type":"ping"}</c> keepalive, well inside the server's ~2 minute idle limit.
    /// The dead-connection check runs on the same tick. Default 10 s.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A connection that delivered no frame (not even a pong) for this long is declared dead at the next keepalive
    /// tick and replaced, so detection takes at most this plus <see cref="KeepAliveInterval"/> (30 s by default).
    /// </summary>
    public TimeSpan DeadConnectionTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Time allowed to open the socket and receive the server's <c>connected</c> frame. Default 10 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First reconnect delay; it doubles after every failed attempt. Default 1 s.</summary>
    public TimeSpan ReconnectInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of the reconnect delay. Default 60 s.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Random spread applied to each reconnect delay, as a fraction (0.2 = ±20 %). Default 0.2.</summary>
    public double ReconnectJitter { get; set; } = 0.2;

    /// <summary>
    /// How many reconnect attempts in a row may fail before the client gives up, or <see langword="null"/> (the
    /// default) to retry forever. Giving up ends the client: its sockets turn <see cref="ConnectionState.Failed"/>,
    /// every subscription, order book and pending send ends with a <see cref="LighterConnectionException"/>, and
    /// <see cref="LighterWebSocketClient.Completion"/> faults with it, so a supervisor can act. The count restarts
    /// whenever a socket connects; 0 gives up on the first loss.
    /// </summary>
    public int? MaxReconnectAttempts { get; set; }

    /// <summary>Subscriptions per connection before another connection is opened (server limit 500).</summary>
    public int MaxSubscriptionsPerConnection { get; set; } = 500;

    /// <summary>Messages the client sends per rolling minute over all its sockets (server limit 200 per IP); sends wait for a slot.</summary>
    public int MaxMessagesPerMinute { get; set; } = 200;

    /// <summary>
    /// Capacity of each typed subscription's buffer. When a consumer falls behind, the <b>oldest</b> buffered
    /// message is dropped and <see cref="LighterWebSocketClient.Diagnostic"/> reports a
    /// <see cref="StreamDiagnosticKind.BufferOverflow"/>. Default 1024.
    /// </summary>
    public int SubscriptionBufferCapacity { get; set; } = 1024;

    /// <summary>Time a transaction sent over the socket waits for its response. Default 10 s.</summary>
    public TimeSpan TransactionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// An auth token is replaced when it has less than this left before it expires; auth-required subscriptions are
    /// renewed in place (unsubscribe, subscribe with the fresh token) this long before expiry. Default 60 s.
    /// </summary>
    public TimeSpan AuthTokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Extra HTTP headers for the upgrade request (the exchange's edge rejects some clients without them).</summary>
    public IDictionary<string, string> RequestHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["User-Agent"] = "Lighter.Generated/0.1",
    };

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Uri);
        Positive(KeepAliveInterval, nameof(KeepAliveInterval));
        Positive(DeadConnectionTimeout, nameof(DeadConnectionTimeout));
        Positive(ConnectTimeout, nameof(ConnectTimeout));
        Positive(ReconnectInitialDelay, nameof(ReconnectInitialDelay));
        Positive(TransactionTimeout, nameof(TransactionTimeout));
        if (ReconnectMaxDelay < ReconnectInitialDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(ReconnectMaxDelay), "ReconnectMaxDelay must not be below ReconnectInitialDelay.");
        }

        if (ReconnectJitter is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ReconnectJitter), "ReconnectJitter must be between 0 and 1.");
        }

        if (MaxReconnectAttempts is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxReconnectAttempts), MaxReconnectAttempts, "MaxReconnectAttempts must be null (unlimited) or at least 0.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSubscriptionsPerConnection, 1, nameof(MaxSubscriptionsPerConnection));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMessagesPerMinute, 1, nameof(MaxMessagesPerMinute));
        ArgumentOutOfRangeException.ThrowIfLessThan(SubscriptionBufferCapacity, 1, nameof(SubscriptionBufferCapacity));
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, $"{name} must be positive.");
        }
    }
}
