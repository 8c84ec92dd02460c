namespace Lighter.Client.Streaming;

/// <summary>Kinds of frames the client could not use; none of them ends a stream.</summary>
public enum StreamDiagnosticKind
{
    /// <summary>The frame is not valid JSON or misses a required field.</summary>
    MalformedFrame,

    /// <summary>The frame's <c>type</c> is not one the channel (or the protocol) knows.</summary>
    UnknownMessageType,

    /// <summary>The frame names a channel with no active subscription.</summary>
    UnroutedMessage,

    /// <summary>The server sent an <c>error</c> frame; the message carries its code and text.</summary>
    ServerError,

    /// <summary>A consumer fell behind; the oldest buffered message was dropped.</summary>
    BufferOverflow,

    /// <summary>An order book lost continuity and is being rebuilt from a fresh snapshot.</summary>
    OrderBookResync,
}

/// <summary>Describes a frame the client reported instead of delivering.</summary>
public sealed class StreamDiagnosticEventArgs : EventArgs
{
    internal StreamDiagnosticEventArgs(StreamDiagnosticKind kind, string message, string? channel, string? rawFrame)
    {
        Kind = kind;
        Message = message;
        Channel = channel;
        RawFrame = rawFrame;
    }

    /// <summary>What went wrong.</summary>
    public StreamDiagnosticKind Kind { get; }

    /// <summary>Human-readable detail naming the field or type involved.</summary>
    public string Message { get; }

    /// <summary>Channel of the frame, when known.</summary>
    public string? Channel { get; }

    /// <summary>The frame text (truncated to 4 KiB), so unknown messages are never silently lost.</summary>
    public string? RawFrame { get; }
}
