namespace Lighter.Client.OrderBooks;

/// <summary>Synchronisation state of a local <see cref="OrderBook"/>.</summary>
public enum OrderBookStatus
{
    /// <summary>Waiting for the first snapshot.</summary>
    Syncing,

    /// <summary>Built from a snapshot and every update since; safe to read.</summary>
    Synced,

    /// <summary>A gap or a reconnect invalidated the book; updates are ignored until a fresh snapshot arrives.</summary>
    Resyncing,
}
