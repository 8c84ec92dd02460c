using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace Lighter.Client.Streaming;

/// <summary>Handles the protocol frames that belong to the connection rather than to a channel.</summary>
internal interface IControlFrameHandler
{
    void OnConnected();

    void OnPing();

    void OnTransactionResponse(ReadOnlySpan<byte> frame);
}

/// <summary>
/// Routes one received frame by its <c>type</c> and <c>channel</c> (the server echoes <c>order_book:0</c> for the
/// subscribed <c>order_book/0</c>). Nothing here allocates for a routed channel frame.
/// </summary>
internal sealed class FrameDispatcher(IControlFrameHandler control, IStreamDiagnostics diagnostics)
{
    private const int MaxStackChannel = 256;
    private readonly ConcurrentDictionary<string, SubscriptionSink> _sinks = new(StringComparer.Ordinal);

    public int Count => _sinks.Count;

    public ICollection<SubscriptionSink> Sinks => _sinks.Values;

    public bool TryAdd(SubscriptionSink sink) => _sinks.TryAdd(sink.Address, sink);

    public bool Remove(SubscriptionSink sink) => _sinks.TryRemove(new KeyValuePair<string, SubscriptionSink>(sink.Address, sink));

    public void Dispatch(ReadOnlySpan<byte> frame)
    {
        Range typeRange = default, channelRange = default;
        bool hasType = false, hasChannel = false;
        try
        {
            var reader = new Utf8JsonReader(frame);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                diagnostics.Report(StreamDiagnosticKind.MalformedFrame, "frame is not a JSON object", null, frame);
                return;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    hasType = TryGetPlainString(ref reader, out typeRange);
                }
                else if (reader.ValueTextEquals("channel"u8))
                {
                    reader.Read();
                    hasChannel = TryGetPlainString(ref reader, out channelRange);
                    if (hasChannel && Find(frame[channelRange]) is { ReadsWholeFrame: true } sink)
                    {
                        sink.MarkReceived();
                        sink.OnFrame(default, frame, diagnostics);
                        return;
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException ex)
        {
            diagnostics.Report(StreamDiagnosticKind.MalformedFrame, "malformed JSON: " + ex.Message, null, frame);
            return;
        }
        catch (InvalidOperationException ex)
        {
            // A property name with an escape that is not valid UTF-16 (e.g. a lone \udfff) cannot be compared.
            diagnostics.Report(StreamDiagnosticKind.MalformedFrame, "unreadable property name: " + ex.Message, null, frame);
            return;
        }

        var type = frame[typeRange];
        var channel = frame[channelRange];
        if (!hasType)
        {
            diagnostics.Report(StreamDiagnosticKind.MalformedFrame, "field 'type' is missing or not a string", null, frame);
            return;
        }

        if (hasChannel && !channel.IsEmpty && Route(type, channel, frame))
        {
            return;
        }

        DispatchControl(type, hasChannel ? channel : default, frame);
    }

    private bool Route(ReadOnlySpan<byte> type, ReadOnlySpan<byte> channel, ReadOnlySpan<byte> frame)
    {
        var sink = Find(channel);
        if (sink is null)
        {
            if (type.StartsWith("subscribed/"u8) || type.StartsWith("update/"u8))
            {
                diagnostics.Report(StreamDiagnosticKind.UnroutedMessage, $"no subscription for channel '{Encoding.UTF8.GetString(channel)}'", Encoding.UTF8.GetString(channel), frame);
                return true;
            }

            return false;
        }

        sink.MarkReceived();
        sink.OnFrame(type, frame, diagnostics);
        return true;
    }

    private SubscriptionSink? Find(ReadOnlySpan<byte> channel)
    {
        if (channel.Length > MaxStackChannel)
        {
            return _sinks.GetValueOrDefault(Encoding.UTF8.GetString(channel).Replace(':', '/'));
        }

        Span<char> key = stackalloc char[MaxStackChannel];
        var length = Encoding.UTF8.GetChars(channel, key);
        key = key[..length];
        key.Replace(':', '/');
        return _sinks.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var sink) ? sink : null;
    }

    private void DispatchControl(ReadOnlySpan<byte> type, ReadOnlySpan<byte> channel, ReadOnlySpan<byte> frame)
    {
        if (type.SequenceEqual("ping"u8))
        {
            control.OnPing();
        }
        else if (type.SequenceEqual("pong"u8))
        {
            // Liveness is tracked per received frame; nothing else to do.
        }
        else if (type.StartsWith("unsubscribed/"u8))
        {
            // Acknowledgement of an unsubscribe whose subscription is already gone: expected, not news.
        }
        else if (type.SequenceEqual("connected"u8))
        {
            control.OnConnected();
        }
        else if (type.StartsWith("jsonapi/"u8))
        {
            control.OnTransactionResponse(frame);
        }
        else if (type.SequenceEqual("error"u8))
        {
            diagnostics.Report(StreamDiagnosticKind.ServerError, ServerErrorFrame.Describe(frame), channel.IsEmpty ? null : Encoding.UTF8.GetString(channel), frame);
        }
        else
        {
            diagnostics.Report(StreamDiagnosticKind.UnknownMessageType, $"unknown message type '{Encoding.UTF8.GetString(type)}'", channel.IsEmpty ? null : Encoding.UTF8.GetString(channel), frame);
        }
    }

    /// <summary>Locates a string value inside the frame (the quotes excluded) without copying it.</summary>
    private static bool TryGetPlainString(ref Utf8JsonReader reader, out Range value)
    {
        // Escapes never occur in types or channel names; an escaped value is treated as absent.
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            value = default;
            return false;
        }

        var start = (int)reader.TokenStartIndex + 1;
        value = new Range(start, start + reader.ValueSpan.Length);
        return true;
    }
}
