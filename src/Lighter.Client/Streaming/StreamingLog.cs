using Microsoft.Extensions.Logging;

namespace Lighter.Client.Streaming;

/// <summary>
/// Source-generated log events of the WebSocket layer (EventIds 8100-8199). Frame bodies and auth tokens are never
/// logged; the raw frame of a diagnostic is only available on <see cref="StreamDiagnosticEventArgs.RawFrame"/>.
/// </summary>
internal static partial class StreamingLog
{
    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Lighter stream socket {Connection}: {Previous} -> {Current} ({Reason})")]
    public static partial void StateChanged(ILogger logger, int connection, ConnectionState previous, ConnectionState current, string reason);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Warning, Message = "Lighter stream socket {Connection} reconnects in {Delay}: {Reason}")]
    public static partial void Reconnecting(ILogger logger, int connection, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 8110, Level = LogLevel.Warning, Message = "Lighter stream frame not delivered ({Kind}) on {Channel}: {Detail}")]
    public static partial void FrameNotDelivered(ILogger logger, StreamDiagnosticKind kind, string channel, string detail);

    [LoggerMessage(EventId = 8111, Level = LogLevel.Information, Message = "Lighter stream {Kind} on {Channel}: {Detail}")]
    public static partial void Notice(ILogger logger, StreamDiagnosticKind kind, string channel, string detail);
}
