using Lighter.Client.OrderBooks;

namespace Lighter.Client.Streaming;

/// <summary>A local order book kept in sync with the exchange; disposing it unsubscribes.</summary>
public sealed class OrderBookSubscription : IAsyncDisposable
{
    private readonly OrderBookSink _sink;
    private readonly LighterWebSocketClient _client;
    private int _disposed;

    internal OrderBookSubscription(OrderBookSink sink, LighterWebSocketClient client)
    {
        _sink = sink;
        _client = client;
    }

    /// <summary>The book; read it any time, or follow <see cref="LocalOrderBook.Changed"/>.</summary>
    public LocalOrderBook Book => _sink.Book;

    /// <summary>
    /// Whether the book is fed by a live socket right now (<see cref="LocalOrderBook.Status"/> says
    /// <see cref="LocalOrderBookStatus.Disconnected"/> at the same moment).
    /// </summary>
    public SubscriptionStatus Status => _sink.Status;

    /// <summary>
    /// Completes when the subscription ends; faults with <see cref="LighterConnectionException"/> when the client gave
    /// up reconnecting (the book then keeps its last levels and stays <see cref="LocalOrderBookStatus.Disconnected"/>).
    /// </summary>
    public Task Completion => _sink.Completion;

    /// <summary>Unsubscribes; the book keeps its last state.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _client.DetachAsync(_sink, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
