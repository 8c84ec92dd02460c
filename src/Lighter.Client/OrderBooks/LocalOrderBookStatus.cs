namespace Lighter.Client.OrderBooks;

/// <summary>Synchronisation state of a local <see cref="LocalOrderBook"/>.</summary>
public enum LocalOrderBookStatus
{
    /// <summary>Waiting for the first snapshot.</summary>
    Syncing,

    /// <summary>Built from a snapshot and every update since; safe to read.</summary>
    Synced,

    /// <summary>A gap or a reconnect invalidated the book; updates are ignored until a fresh snapshot arrives.</summary>
    Resyncing,

    /// <summary>
    /// The socket carrying the book was lost: the levels are the last ones received and are no longer updated (see
    /// <see cref="LocalOrderBook.LastUpdateAge"/>). A reconnect resubscribes and the book is rebuilt from a fresh snapshot.
    /// </summary>
    Disconnected,
}
