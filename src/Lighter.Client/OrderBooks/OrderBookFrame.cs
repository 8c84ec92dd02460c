namespace Lighter.Client.OrderBooks;

/// <summary>
/// The decoded payload of one <c>subscribed/order_book</c> or <c>update/order_book</c> frame. Instances are reused
/// frame after frame by the parser, so the level buffers only grow and never allocate in steady state.
/// </summary>
internal sealed class OrderBookFrame
{
    private PriceLevel[] _bids = new PriceLevel[64];
    private PriceLevel[] _asks = new PriceLevel[64];

    /// <summary>What the frame's <c>type</c> says; <see cref="OrderBookFrameKind.Missing"/> until it is read.</summary>
    public OrderBookFrameKind Kind { get; set; }

    public bool IsSnapshot
    {
        get => Kind == OrderBookFrameKind.Snapshot;
        set => Kind = value ? OrderBookFrameKind.Snapshot : OrderBookFrameKind.Update;
    }

    public int MarketId { get; set; }

    public long Offset { get; set; }

    public long Timestamp { get; set; }

    /// <summary>Nonce after this message, when the server sends one.</summary>
    public long? Nonce { get; set; }

    /// <summary>Nonce this message continues from, when the server sends one.</summary>
    public long? BeginNonce { get; set; }

    public int BidCount { get; private set; }

    public int AskCount { get; private set; }

    public ReadOnlySpan<PriceLevel> Bids => _bids.AsSpan(0, BidCount);

    public ReadOnlySpan<PriceLevel> Asks => _asks.AsSpan(0, AskCount);

    public void Reset()
    {
        Kind = OrderBookFrameKind.Missing;
        MarketId = -1;
        Offset = 0;
        Timestamp = 0;
        Nonce = null;
        BeginNonce = null;
        BidCount = 0;
        AskCount = 0;
    }

    public void AddBid(in PriceLevel level) => Add(ref _bids, BidCount++, level);

    public void AddAsk(in PriceLevel level) => Add(ref _asks, AskCount++, level);

    /// <summary>Copies the frame so it can outlive the parser's buffer (used by tests and the resync path).</summary>
    public OrderBookFrame Clone()
    {
        var copy = new OrderBookFrame
        {
            Kind = Kind,
            MarketId = MarketId,
            Offset = Offset,
            Timestamp = Timestamp,
            Nonce = Nonce,
            BeginNonce = BeginNonce,
        };
        foreach (var bid in Bids)
        {
            copy.AddBid(bid);
        }

        foreach (var ask in Asks)
        {
            copy.AddAsk(ask);
        }

        return copy;
    }

    private static void Add(ref PriceLevel[] buffer, int index, in PriceLevel level)
    {
        if (index == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        buffer[index] = level;
    }
}

/// <summary>The <c>type</c> of an order-book channel frame.</summary>
internal enum OrderBookFrameKind
{
    /// <summary>No <c>type</c> read (absent, or parsing stopped before it).</summary>
    Missing,

    /// <summary><c>subscribed/order_book</c>: a full snapshot.</summary>
    Snapshot,

    /// <summary><c>update/order_book</c>: level deltas.</summary>
    Update,

    /// <summary><c>unsubscribed/order_book</c>: the server's acknowledgement of an unsubscribe (part of a resync).</summary>
    Unsubscribed,

    /// <summary>Any other type on the channel.</summary>
    Other,
}
