namespace Lighter.Client.OrderBooks;

/// <summary>A consistent copy of a book at one offset; bids best (highest) first, asks best (lowest) first.</summary>
/// <param name="MarketId">Market index.</param>
/// <param name="Status">Synchronisation state when the copy was taken.</param>
/// <param name="Offset">Offset of the last applied snapshot or update.</param>
/// <param name="Nonce">Nonce of the last applied message, when the server sends nonces.</param>
/// <param name="Bids">Bid levels, highest price first.</param>
/// <param name="Asks">Ask levels, lowest price first.</param>
public sealed record OrderBookSnapshot(
    short MarketId,
    LocalOrderBookStatus Status,
    long Offset,
    long? Nonce,
    IReadOnlyList<PriceLevel> Bids,
    IReadOnlyList<PriceLevel> Asks)
{
    /// <summary>When the last snapshot or update was applied to the book, or <see langword="null"/> before the first.</summary>
    public DateTimeOffset? LastUpdatedAt { get; init; }
}
