namespace Lighter.Client.OrderBooks;

/// <summary>Raised after a snapshot or an update has been applied to an <see cref="LocalOrderBook"/>.</summary>
public sealed class OrderBookChangedEventArgs : EventArgs
{
    internal OrderBookChangedEventArgs(long offset, bool isSnapshot, int levelCount)
    {
        Offset = offset;
        IsSnapshot = isSnapshot;
        LevelCount = levelCount;
    }

    /// <summary>Offset of the applied message.</summary>
    public long Offset { get; }

    /// <summary><see langword="true"/> when the book was rebuilt from a snapshot.</summary>
    public bool IsSnapshot { get; }

    /// <summary>Number of levels the message carried.</summary>
    public int LevelCount { get; }
}

/// <summary>Raised when an <see cref="LocalOrderBook"/> changes its <see cref="LocalOrderBookStatus"/>.</summary>
public sealed class OrderBookStatusChangedEventArgs : EventArgs
{
    internal OrderBookStatusChangedEventArgs(LocalOrderBookStatus previous, LocalOrderBookStatus current, string reason)
    {
        Previous = previous;
        Current = current;
        Reason = reason;
    }

    /// <summary>State before the change.</summary>
    public LocalOrderBookStatus Previous { get; }

    /// <summary>State after the change.</summary>
    public LocalOrderBookStatus Current { get; }

    /// <summary>Why the state changed (e.g. the nonces of a detected gap).</summary>
    public string Reason { get; }
}
