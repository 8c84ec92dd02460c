using Lighter.Client.Streaming;
using Lighter.Testing.Tests.Wire;
using Microsoft.Extensions.Time.Testing;
using Lighter.Client.OrderBooks;

namespace Lighter.Testing.Tests.Integration;

/// <summary>
/// Issue 16, item 3 against the sandbox: when the sandbox drops the sockets, the SDK's book says
/// <see cref="LocalOrderBookStatus.Disconnected"/> at once, while its reconnect is still waiting on the (fake) clock.
/// </summary>
public sealed class StaleBookTests
{
    [Fact]
    public async Task Dropped_sockets_turn_the_book_disconnected_before_any_reconnect_and_synced_after_one()
    {
        await using var f = await SandboxFixture.StartAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        await using var client = new LighterWebSocketClient(new LighterWebSocketOptions { Uri = f.Sandbox.WebSocketUri }, timeProvider: clock);
        var retryIn = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.StateChanged += (_, e) =>
        {
            if (e.Current == ConnectionState.Reconnecting)
            {
                retryIn.TrySetResult(e.RetryIn);
            }
        };
        await using var subscription = await client.SubscribeOrderBookAsync(0);
        var book = subscription.Book;
        await Until(book, LocalOrderBookStatus.Synced);
        var updatedAt = book.LastUpdatedAt;

        f.Sandbox.Faults.DropWebSockets();

        // The clock has not moved, so the backoff has not elapsed and no reconnect can have happened. Before the fix the
        // book said Synced here, and kept saying so until a reconnect succeeded.
        await Until(book, LocalOrderBookStatus.Disconnected);
        Assert.Equal(SubscriptionStatus.Disconnected, subscription.Status);
        Assert.Equal(updatedAt, book.LastUpdatedAt);
        var wait = await retryIn.Task.WaitAsync(TimeSpan.FromSeconds(10));

        clock.Advance(wait); // now the reconnect may run: a fresh snapshot makes the book live again
        await Until(book, LocalOrderBookStatus.Synced);
        Assert.Equal(SubscriptionStatus.Live, subscription.Status);
    }

    private static async Task Until(LocalOrderBook book, LocalOrderBookStatus status)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(object? sender, EventArgs e)
        {
            if (book.Status == status)
            {
                reached.TrySetResult();
            }
        }

        book.StatusChanged += Check;
        try
        {
            Check(null, EventArgs.Empty);
            await reached.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            book.StatusChanged -= Check;
        }
    }
}
