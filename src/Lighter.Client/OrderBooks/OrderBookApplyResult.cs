// Namespace Streaming, not OrderBooks: a Lighter.Client.OrderBooks namespace would hide the generated REST
// model Lighter.Client.Models.OrderBooks from code in Lighter.Client.Api, and the book is fed by the stream.
namespace Lighter.Client.Streaming;

/// <summary>What <see cref="OrderBook"/> did with one message.</summary>
internal enum OrderBookApplyResult
{
    SnapshotApplied,
    UpdateApplied,

    /// <summary>The update does not continue the book: the book is now resyncing.</summary>
    Gap,

    /// <summary>The book waits for a snapshot; the update was dropped on purpose.</summary>
    IgnoredUntilSnapshot,
}
