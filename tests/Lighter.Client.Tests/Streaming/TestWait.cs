using Lighter.Client.Streaming;
using Lighter.Client.OrderBooks;

namespace Lighter.Client.Tests.Streaming;

/// <summary>
/// Event-driven waits. The only wall-clock value is <see cref="Guard"/>, a generous ceiling that turns a hang
/// into a failure; no test waits for time to pass.
/// </summary>
internal static class TestWait
{
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    /// <summary>Waits until <paramref name="condition"/> holds, re-checking whenever the book changes.</summary>
    public static async Task UntilAsync(LocalOrderBook book, Func<LocalOrderBook, bool> condition)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(object? sender, EventArgs e)
        {
            if (condition(book))
            {
                done.TrySetResult();
            }
        }

        book.Changed += Check;
        book.StatusChanged += Check;
        try
        {
            Check(null, EventArgs.Empty);
            await done.Task.WaitAsync(Guard);
        }
        finally
        {
            book.Changed -= Check;
            book.StatusChanged -= Check;
        }
    }

    /// <summary>Waits for a client state change matching <paramref name="match"/> (one raised after the call).</summary>
    public static Task<ConnectionStateChangedEventArgs> ForStateAsync(LighterWebSocketClient client, Func<ConnectionStateChangedEventArgs, bool> match)
    {
        var done = new TaskCompletionSource<ConnectionStateChangedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        EventHandler<ConnectionStateChangedEventArgs>? handler = null;
        handler = (_, e) =>
        {
            if (match(e) && done.TrySetResult(e))
            {
                client.StateChanged -= handler;
            }
        };
        client.StateChanged += handler;
        return done.Task.WaitAsync(Guard);
    }

    /// <summary>Waits for a diagnostic matching <paramref name="match"/>.</summary>
    public static Task<StreamDiagnosticEventArgs> ForDiagnosticAsync(LighterWebSocketClient client, Func<StreamDiagnosticEventArgs, bool> match)
    {
        var done = new TaskCompletionSource<StreamDiagnosticEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        EventHandler<StreamDiagnosticEventArgs>? handler = null;
        handler = (_, e) =>
        {
            if (match(e) && done.TrySetResult(e))
            {
                client.Diagnostic -= handler;
            }
        };
        client.Diagnostic += handler;
        return done.Task.WaitAsync(Guard);
    }

    /// <summary>True when the client's book holds exactly the server's levels (wire strings) and is synced.</summary>
    public static bool Matches(LocalOrderBook book, ServerBook server)
    {
        var copy = book.GetSnapshot();
        return copy.Status == LocalOrderBookStatus.Synced
            && copy.Offset == server.Offset
            && copy.Bids.Select(l => (l.PriceText, l.SizeText)).SequenceEqual(server.Bids)
            && copy.Asks.Select(l => (l.PriceText, l.SizeText)).SequenceEqual(server.Asks);
    }
}
