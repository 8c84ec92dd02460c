namespace Lighter.Client.OrderBooks;

/// <summary>What <see cref="LocalOrderBook"/> did with one message.</summary>
internal enum OrderBookApplyResult
{
    SnapshotApplied,
    UpdateApplied,

    /// <summary>The update does not continue the book: the book is now resyncing.</summary>
    Gap,

    /// <summary>The book waits for a snapshot; the update was dropped on purpose.</summary>
    IgnoredUntilSnapshot,
}
