using Lighter.Client.Streaming;

namespace Lighter.Client.Tests.Fuzzing;

/// <summary>Counts reports and checks each names a kind and a message; keeps nothing else (no allocation).</summary>
internal sealed class CountingDiagnostics : IStreamDiagnostics
{
    public int Count { get; private set; }

    public void Report(StreamDiagnosticKind kind, string message, string? channel, ReadOnlySpan<byte> frame)
    {
        if (string.IsNullOrEmpty(message) || !Enum.IsDefined(kind))
        {
            throw new InvalidOperationException("A diagnostic without kind or message.");
        }

        Count++;
    }
}
