using System.Globalization;
using Lighter.Client.OrderBooks;

namespace Lighter.Client.Streaming;

/// <summary>Keeps an <see cref="OrderBook"/> in sync with an <c>order_book/{market}</c> subscription.</summary>
internal sealed class OrderBookSink : SubscriptionSink
{
    private readonly OrderBookFrame _frame = new();
    private readonly Action<SubscriptionSink, string> _resync;
    private bool _resyncRequested;

    public OrderBookSink(OrderBook book, Action<SubscriptionSink, string> resync)
        : base(string.Create(CultureInfo.InvariantCulture, $"order_book/{book.MarketId}"), requiresAuth: false)
    {
        Book = book;
        _resync = resync;
    }

    public OrderBook Book { get; }

    public override void OnFrame(ReadOnlySpan<byte> type, ReadOnlySpan<byte> frame, IStreamDiagnostics diagnostics)
    {
        bool snapshot;
        if (type.SequenceEqual("update/order_book"u8))
        {
            snapshot = false;
        }
        else if (type.SequenceEqual("subscribed/order_book"u8))
        {
            snapshot = true;
        }
        else
        {
            diagnostics.Report(StreamDiagnosticKind.UnknownMessageType, "message type is not known on '" + Address + "'", Address, frame);
            return;
        }

        var error = OrderBookFrameParser.Parse(frame, _frame, snapshot);
        if (error is not null)
        {
            diagnostics.Report(StreamDiagnosticKind.MalformedFrame, $"order book frame on '{Address}': {error}", Address, frame);
            RequestResync("a malformed order book frame may have hidden an update", diagnostics);
            return;
        }

        switch (Book.Apply(_frame, out var gap))
        {
            case OrderBookApplyResult.SnapshotApplied:
                _resyncRequested = false;
                break;
            case OrderBookApplyResult.Gap:
                RequestResync("gap: " + gap, diagnostics);
                break;
        }
    }

    public override void OnResubscribing()
    {
        // A new subscription starts with a snapshot: forget anything applied on the previous socket.
        _resyncRequested = false;
        Book.Invalidate("resubscribing");
    }

    private void RequestResync(string reason, IStreamDiagnostics diagnostics)
    {
        Book.Invalidate(reason);
        if (_resyncRequested)
        {
            return;
        }

        _resyncRequested = true;
        diagnostics.Report(StreamDiagnosticKind.OrderBookResync, $"'{Address}': {reason}; resubscribing for a fresh snapshot", Address, default);
        _resync(this, reason);
    }
}
