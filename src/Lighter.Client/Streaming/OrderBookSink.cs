using System.Globalization;
using Lighter.Client.Diagnostics;
using Lighter.Client.OrderBooks;

namespace Lighter.Client.Streaming;

/// <summary>Keeps an <see cref="LocalOrderBook"/> in sync with an <c>order_book/{market}</c> subscription.</summary>
internal sealed class OrderBookSink : SubscriptionSink
{
    private readonly OrderBookFrame _frame = new();
    private readonly Action<SubscriptionSink, string> _resync;
    private bool _resyncRequested;

    // Set when a frame on the channel could not be read: it may have been an update. The next readable update decides
    // whether anything was lost (its begin_nonce continues the book or not); only a snapshot clears it otherwise.
    private bool _unreadFrameSinceLastUpdate;

    public OrderBookSink(LocalOrderBook book, Action<SubscriptionSink, string> resync)
        : base(string.Create(CultureInfo.InvariantCulture, $"order_book/{book.MarketId}"), requiresAuth: false)
    {
        Book = book;
        _resync = resync;
    }

    public LocalOrderBook Book { get; }

    /// <summary>The book parser reads the envelope itself, so the dispatcher hands the frame over after the channel.</summary>
    public override bool ReadsWholeFrame => true;

    public override void OnFrame(ReadOnlySpan<byte> type, ReadOnlySpan<byte> frame, IStreamDiagnostics diagnostics)
    {
        var error = OrderBookFrameParser.Parse(frame, _frame);
        if (_frame.Kind == OrderBookFrameKind.Unsubscribed)
        {
            return; // Acknowledges the unsubscribe half of a resync; the fresh snapshot follows.
        }

        if (_frame.Kind == OrderBookFrameKind.Other)
        {
            diagnostics.Report(StreamDiagnosticKind.UnknownMessageType, "message type is not known on '" + Address + "'", Address, frame);
            return;
        }

        if (error is not null || _frame.Kind == OrderBookFrameKind.Missing)
        {
            // Not evidence of a gap by itself: the next update's begin_nonce tells whether an update was lost.
            diagnostics.Report(StreamDiagnosticKind.MalformedFrame, $"order book frame on '{Address}': {error ?? "field 'type' is missing"}", Address, frame);
            _unreadFrameSinceLastUpdate = true;
            return;
        }

        if (_unreadFrameSinceLastUpdate && !_frame.IsSnapshot && Book.Status == LocalOrderBookStatus.Synced && !Book.CanProveContinuity(_frame))
        {
            // Offsets only say "later", not "next": without nonces a lost update cannot be ruled out.
            _unreadFrameSinceLastUpdate = false;
            RequestResync("an unreadable frame may have hidden an update and the next update carries no begin_nonce to prove continuity", StreamTelemetry.BookResyncReason.UnreadableFrame, diagnostics);
            return;
        }

        var result = Book.Apply(_frame, out var gap);
        if (result != OrderBookApplyResult.IgnoredUntilSnapshot)
        {
            _unreadFrameSinceLastUpdate = false;
        }

        switch (result)
        {
            case OrderBookApplyResult.SnapshotApplied:
                _resyncRequested = false;
                break;
            case OrderBookApplyResult.Gap:
                RequestResync("gap: " + gap, StreamTelemetry.BookResyncReason.Gap, diagnostics);
                break;
        }
    }

    public override void OnResubscribing()
    {
        // A new subscription starts with a snapshot: forget anything applied on the previous socket.
        _resyncRequested = false;
        _unreadFrameSinceLastUpdate = false;
        if (Book.Invalidate("resubscribing"))
        {
            // Only a book that held a snapshot is rebuilt; the first subscription is no resync.
            StreamTelemetry.BookResync(Book.MarketId, StreamTelemetry.BookResyncReason.Reconnect);
        }
    }

    protected override void OnDisconnected(string reason) => Book.MarkDisconnected("connection lost: " + reason);

    private void RequestResync(string reason, string telemetryReason, IStreamDiagnostics diagnostics)
    {
        Book.Invalidate(reason);
        if (_resyncRequested)
        {
            return;
        }

        _resyncRequested = true;
        StreamTelemetry.BookResync(Book.MarketId, telemetryReason); // once per resubscribe, not per frame that finds the book stale
        diagnostics.Report(StreamDiagnosticKind.OrderBookResync, $"'{Address}': {reason}; resubscribing for a fresh snapshot", Address, default);
        _resync(this, reason);
    }
}
