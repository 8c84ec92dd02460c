using System.Text;

namespace Lighter.Cli.Tests;

/// <summary>
/// A thread-safe capturing writer that reports its first complete line, so a test can stop a long-running command
/// (as Ctrl+C would) once it has printed something, without sleeping.
/// </summary>
internal sealed class WatchedWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>Completes when a newline has been written.</summary>
    public Task FirstLine => _firstLine.Task;

    public override void Write(char value)
    {
        lock (_lock) _text.Append(value);
        if (value == '\n') _firstLine.TrySetResult();
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (_lock) _text.Append(buffer, index, count);
        if (Array.IndexOf(buffer, '\n', index, count) >= 0) _firstLine.TrySetResult();
    }

    public override void Write(string? value)
    {
        lock (_lock) _text.Append(value);
        if (value?.Contains('\n', StringComparison.Ordinal) == true) _firstLine.TrySetResult();
    }

    public override string ToString()
    {
        lock (_lock) return _text.ToString();
    }
}
