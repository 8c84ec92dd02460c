using Lighter.Cli.Commands;

namespace Lighter.Client.Tests.Streaming;

/// <summary>Issue 16, item 3 for the CLI: <c>lighter book</c> says at once when its book stops being live.</summary>
public sealed class BookCommandStaleTests
{
    [Fact]
    public async Task A_lost_connection_is_announced_on_stderr_and_no_book_line_follows()
    {
        await using var server = await ScriptedLighterServer.StartAsync();
        var book = server.Book(3);
        await book.UpdateAsync([("5", "1")], [("6", "1")]);
        using var output = new LineSignal("\"market\":3");
        using var error = new LineSignal("not live");
        using var stop = new CancellationTokenSource();

        var run = BookCommand.RunAsync(new BookRequest(3, server.Uri, UntilOffset: null, Json: true), output, error, stop.Token);
        await output.Seen.WaitAsync(TestWait.Guard);
        server.RefuseConnections = true;
        server.AbortAll();

        // Before the fix the book kept saying Synced while disconnected and nothing reached stderr: this wait failed.
        await error.Seen.WaitAsync(TestWait.Guard);
        var printed = output.ToString();
        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TestWait.Guard));
        Assert.Equal(printed, output.ToString());
        Assert.Contains("book 3 is not live (connection lost", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A <see cref="StringWriter"/> that completes <see cref="Seen"/> once a written line contains a marker.</summary>
    private sealed class LineSignal(string marker) : StringWriter
    {
        private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Seen => _seen.Task;

        public override void WriteLine(string? value)
        {
            lock (this)
            {
                base.WriteLine(value);
            }

            if (value?.Contains(marker, StringComparison.Ordinal) == true)
            {
                _seen.TrySetResult();
            }
        }

        public override string ToString()
        {
            lock (this)
            {
                return base.ToString();
            }
        }
    }
}
