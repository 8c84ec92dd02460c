using System.Runtime.CompilerServices;
using System.Threading.Channels;
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

    /// <summary>
    /// The book as a sequence of snapshots (top <paramref name="depth"/> levels per side): the current book first when it
    /// is <see cref="LocalOrderBookStatus.Synced"/>, then one after each change.
    /// Overflow policy: <b>coalesce to the latest</b> — the buffer holds one snapshot, so a slow consumer skips
    /// intermediate states and always reads the newest book (a book consumer wants state, not every delta).
    /// Ends when the subscription is disposed; throws <see cref="LighterConnectionException"/> when the client gave up.
    /// </summary>
    /// <param name="depth">Levels per side in each snapshot; at least 1.</param>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    public async IAsyncEnumerable<OrderBookSnapshot> ReadSnapshotsAsync(int depth = int.MaxValue, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1, nameof(depth));
        var latest = Channel.CreateBounded<OrderBookSnapshot>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        var gate = new Lock();

        // Taken and written under one lock, so the buffered snapshot is always the newest one taken.
        void Offer()
        {
            lock (gate) latest.Writer.TryWrite(Book.GetSnapshot(depth));
        }

        void OnChanged(object? sender, OrderBookChangedEventArgs e) => Offer();
        Book.Changed += OnChanged;
        if (Book.Status == LocalOrderBookStatus.Synced) Offer(); // a reader joining a live book starts from its current state
        _ = _sink.Completion.ContinueWith(t => latest.Writer.TryComplete(t.Exception?.InnerException), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            await foreach (var snapshot in latest.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return snapshot;
            }
        }
        finally
        {
            Book.Changed -= OnChanged;
        }
    }

    /// <summary>Unsubscribes; the book keeps its last state.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _client.DetachAsync(_sink, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
