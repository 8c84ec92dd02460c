namespace Lighter.Client.Streaming;

/// <summary>
/// An active channel subscription. It survives reconnects (the client resubscribes); disposing it unsubscribes.
/// </summary>
/// <typeparam name="T">Message type of the channel.</typeparam>
public sealed class LighterSubscription<T> : IAsyncDisposable
    where T : class
{
    private readonly TypedSubscriptionSink<T> _sink;
    private readonly LighterWebSocketClient _client;
    private int _disposed;

    internal LighterSubscription(TypedSubscriptionSink<T> sink, LighterWebSocketClient client)
    {
        _sink = sink;
        _client = client;
    }

    /// <summary>Channel address, e.g. <c>trade/0</c>.</summary>
    public string Address => _sink.Address;

    /// <summary>
    /// Whether the subscription is fed by a live socket right now: <see cref="SubscriptionStatus.Disconnected"/> from
    /// the moment its socket is lost until a reconnect resubscribes it.
    /// </summary>
    public SubscriptionStatus Status => _sink.Status;

    /// <summary>When the last frame of the channel arrived (on the client's clock), or <see langword="null"/> before the first.</summary>
    public DateTimeOffset? LastMessageAt => _sink.LastMessageAt;

    /// <summary>
    /// Messages dropped so far because the consumer fell behind (the buffer keeps the newest
    /// <see cref="LighterWebSocketOptions.SubscriptionBufferCapacity"/>). A consumer that keeps state from the messages
    /// should resynchronise (e.g. from REST) when this grows.
    /// </summary>
    public long DroppedMessages => _sink.Dropped;

    /// <summary>
    /// Completes when the subscription ends; faults with <see cref="LighterConnectionException"/> when the client gave
    /// up reconnecting.
    /// </summary>
    public Task Completion => _sink.Completion;

    /// <summary>
    /// Messages in arrival order until the subscription is disposed (or, when the client gives up reconnecting, until
    /// the buffered messages are read; then it throws <see cref="LighterConnectionException"/>). The buffer holds
    /// <see cref="LighterWebSocketOptions.SubscriptionBufferCapacity"/> messages; beyond that the oldest is dropped.
    /// </summary>
    /// <param name="cancellationToken">Ends the enumeration (the subscription stays active).</param>
    public IAsyncEnumerable<T> ReadAllAsync(CancellationToken cancellationToken = default) => _sink.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Unsubscribes and ends <see cref="ReadAllAsync"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _client.DetachAsync(_sink, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
