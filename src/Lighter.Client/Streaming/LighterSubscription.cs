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
    /// Messages in arrival order until the subscription is disposed. The buffer holds
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
