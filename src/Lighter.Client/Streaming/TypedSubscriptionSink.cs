using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Lighter.Client.Streaming;

/// <summary>Decodes a channel's frames into <typeparamref name="T"/> and buffers them for the consumer.</summary>
internal sealed class TypedSubscriptionSink<T> : SubscriptionSink
    where T : class
{
    private readonly StreamMessageDecoder<T> _decoder;
    private readonly Channel<T> _buffer;
    private IStreamDiagnostics? _diagnostics;
    private long _dropped;

    public TypedSubscriptionSink(ChannelSubscription<T> channel, int capacity)
        : base(channel.Address, channel.RequiresAuth)
    {
        _decoder = channel.Decoder;
        _buffer = Channel.CreateBounded<T>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = true },
            dropped =>
            {
                Interlocked.Increment(ref _dropped);
                _diagnostics?.Report(StreamDiagnosticKind.BufferOverflow, $"consumer of '{Address}' fell behind: dropped the oldest buffered message", Address, default);
            });
    }

    public ChannelReader<T> Reader => _buffer.Reader;

    /// <summary>Messages dropped so far because the consumer fell behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public override void OnFrame(ReadOnlySpan<byte> type, ReadOnlySpan<byte> frame, IStreamDiagnostics diagnostics)
    {
        _diagnostics = diagnostics;
        if (type.StartsWith("unsubscribed/"u8))
        {
            return; // The server's acknowledgement of an unsubscribe; nothing to deliver.
        }

        var typeText = Encoding.UTF8.GetString(type);
        T? message;
        try
        {
            message = _decoder(typeText, frame);
        }
        catch (JsonException ex)
        {
            diagnostics.Report(StreamDiagnosticKind.MalformedFrame, $"'{typeText}' on '{Address}' does not decode: {ex.Message}", Address, frame);
            return;
        }

        if (message is null)
        {
            diagnostics.Report(StreamDiagnosticKind.UnknownMessageType, $"message type '{typeText}' is not known on '{Address}'", Address, frame);
            return;
        }

        _buffer.Writer.TryWrite(message);
    }

    protected override void OnEnded(Exception? error) => _buffer.Writer.TryComplete(error);
}
