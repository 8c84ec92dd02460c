using Lighter.Client.Streaming;
using Lighter.Client.OrderBooks;

namespace Lighter.Client.Tests.Streaming;

/// <summary>
/// Issue 16, items 2 and 3: a lost socket turns every book and subscription <c>Disconnected</c> at once (not when a
/// reconnect finally succeeds), and a cap on failed reconnects ends the client with an exception on all its streams.
/// The server refuses every reconnect with HTTP 503; the harness advances the fake clock through each backoff.
/// </summary>
public sealed class StaleAndGiveUpTests
{
    [Fact]
    public async Task A_lost_socket_marks_the_book_and_the_subscription_disconnected_before_any_reconnect_succeeds()
    {
        await using var h = await StreamingHarness.StartAsync();
        var server = h.Server.Book(0);
        await server.UpdateAsync([("10", "1")], [("11", "1")]);
        await using var sub = await h.Client.SubscribeOrderBookAsync(0);
        await using var trades = await h.Client.SubscribeAsync(RawStreamMessage.Channel("trade/0"));
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, server));
        var updatedAt = sub.Book.LastUpdatedAt;
        Assert.Equal(h.Time.GetUtcNow(), updatedAt);
        Assert.Equal(SubscriptionStatus.Live, sub.Status);
        await h.Server.WaitForSubscribeAsync("trade/0", connectionId: 0);
        Assert.Equal(SubscriptionStatus.Live, trades.Status);

        h.Server.RefuseConnections = true; // no reconnect can succeed from here on
        var disconnected = TestWait.UntilAsync(sub.Book, b => b.Status == LocalOrderBookStatus.Disconnected);
        h.Server.AbortAll();

        // Before the fix the book stayed Synced with its old prices until a reconnect succeeded, which never happens
        // here, so this wait ran into TestWait.Guard.
        await disconnected;
        Assert.Equal(SubscriptionStatus.Disconnected, sub.Status);
        Assert.Equal(SubscriptionStatus.Disconnected, trades.Status);
        Assert.Equal(LocalOrderBookStatus.Disconnected, sub.Book.GetSnapshot().Status);
        Assert.Equal("10", sub.Book.BestBid!.Value.PriceText); // the last levels are kept, just flagged as not live
        Assert.Equal(updatedAt, sub.Book.LastUpdatedAt);
        Assert.Single(h.Server.Connections); // nothing reconnected

        var before = sub.Book.LastUpdateAge!.Value;
        h.Time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(before + TimeSpan.FromSeconds(4), sub.Book.LastUpdateAge);
    }

    [Fact]
    public async Task After_a_reconnect_the_book_is_rebuilt_and_says_synced_again()
    {
        await using var h = await StreamingHarness.StartAsync();
        var server = h.Server.Book(0);
        await server.UpdateAsync([("10", "1")], [("11", "1")]);
        await using var sub = await h.Client.SubscribeOrderBookAsync(0);
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, server));
        var statuses = new List<LocalOrderBookStatus>();
        sub.Book.StatusChanged += (_, e) =>
        {
            lock (statuses)
            {
                statuses.Add(e.Current);
            }
        };

        h.Server.AbortAll();
        await server.UpdateAsync([("10.5", "2")], []);
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, server));

        lock (statuses)
        {
            Assert.Equal([LocalOrderBookStatus.Disconnected, LocalOrderBookStatus.Resyncing, LocalOrderBookStatus.Synced], statuses);
        }

        Assert.Equal(SubscriptionStatus.Live, sub.Status);
    }

    [Fact]
    public async Task Reaching_the_reconnect_cap_fails_the_client_and_ends_every_stream_with_the_exception()
    {
        await using var h = await StreamingHarness.StartAsync(o => o.MaxReconnectAttempts = 3);
        var server = h.Server.Book(0);
        await server.UpdateAsync([("10", "1")], [("11", "1")]);
        await using var sub = await h.Client.SubscribeOrderBookAsync(0);
        await using var trades = await h.Client.SubscribeAsync(RawStreamMessage.Channel("trade/0"));
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, server));
        await using var reader = trades.ReadAllAsync().GetAsyncEnumerator();
        var waitingReader = reader.MoveNextAsync().AsTask(); // a caller already awaiting the stream
        var reconnecting = new List<ConnectionStateChangedEventArgs>();
        h.Client.StateChanged += (_, e) =>
        {
            lock (reconnecting)
            {
                if (e.Current == ConnectionState.Reconnecting)
                {
                    reconnecting.Add(e);
                }
            }
        };
        var failed = TestWait.ForStateAsync(h.Client, e => e.Current == ConnectionState.Failed);

        h.Server.RefuseConnections = true;
        h.Server.AbortAll();

        var state = await failed;
        var error = Assert.IsType<LighterConnectionException>(state.Exception);
        Assert.Contains("3 failed reconnect attempt(s)", error.Message, StringComparison.Ordinal);
        lock (reconnecting)
        {
            Assert.Equal(3, reconnecting.Count); // after the loss, then after each of the first two failed reconnects
        }

        Assert.Same(error, await Assert.ThrowsAsync<LighterConnectionException>(() => waitingReader.WaitAsync(TestWait.Guard)));
        Assert.Same(error, await Assert.ThrowsAsync<LighterConnectionException>(() => sub.Completion.WaitAsync(TestWait.Guard)));
        Assert.Same(error, await Assert.ThrowsAsync<LighterConnectionException>(() => trades.Completion.WaitAsync(TestWait.Guard)));
        Assert.Same(error, await Assert.ThrowsAsync<LighterConnectionException>(() => h.Client.Completion.WaitAsync(TestWait.Guard)));
        Assert.Equal(SubscriptionStatus.Faulted, sub.Status);
        Assert.Equal(LocalOrderBookStatus.Disconnected, sub.Book.Status);

        // The client takes no more work; every new call names the failure.
        var again = await Assert.ThrowsAsync<LighterConnectionException>(() => h.Client.ConnectAsync());
        Assert.Same(error, again.InnerException);
        await Assert.ThrowsAsync<LighterConnectionException>(() => h.Client.SubscribeOrderBookAsync(1));
        await Assert.ThrowsAsync<LighterConnectionException>(() => h.Client.SendTransactionAsync(new TxPayload(14, "{}")));
    }

    [Fact]
    public async Task One_socket_giving_up_ends_the_other_sockets_of_the_client_too()
    {
        await using var h = await StreamingHarness.StartAsync(o =>
        {
            o.MaxReconnectAttempts = 1;
            o.MaxSubscriptionsPerConnection = 1; // two subscriptions, two sockets
        });
        await using var first = await h.Client.SubscribeAsync(RawStreamMessage.Channel("trade/0"));
        await using var second = await h.Client.SubscribeAsync(RawStreamMessage.Channel("trade/1"));
        // The two sockets may connect in either order, so the server's connection ids are not the client's.
        foreach (var channel in new[] { "trade/0", "trade/1" })
        {
            await h.Server.WaitForFrameAsync((c, f) => ScriptedLighterServer.Type(f) == "subscribe" && f.GetProperty("channel").GetString() == channel);
        }

        Assert.Equal(2, h.Client.ConnectionCount);
        Assert.Equal(2, h.Server.Connections.Count);
        h.Server.RefuseConnections = true;
        h.Server.Connections[0].Abort(); // only one of the two sockets is lost

        var error = await Assert.ThrowsAsync<LighterConnectionException>(() => h.Client.Completion.WaitAsync(TestWait.Guard));
        Assert.Same(error, await Assert.ThrowsAsync<LighterConnectionException>(() => first.Completion.WaitAsync(TestWait.Guard)));
        Assert.Same(error, await Assert.ThrowsAsync<LighterConnectionException>(() => second.Completion.WaitAsync(TestWait.Guard)));
        Assert.Equal(SubscriptionStatus.Faulted, second.Status); // its own socket was healthy, yet the client ended
    }

    [Fact]
    public async Task A_reconnect_that_succeeds_restarts_the_count()
    {
        await using var h = await StreamingHarness.StartAsync(o => o.MaxReconnectAttempts = 1);
        var server = h.Server.Book(0);
        await server.UpdateAsync([("10", "1")], [("11", "1")]);
        await using var sub = await h.Client.SubscribeOrderBookAsync(0);
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, server));

        // Three separate losses, each followed by a successful reconnect: never two failures in a row.
        for (var i = 1; i <= 3; i++)
        {
            var back = TestWait.ForStateAsync(h.Client, e => e.Current == ConnectionState.Connected);
            h.Server.AbortAll();
            await back;
        }

        await server.UpdateAsync([("10.5", "1")], []);
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, server));
        Assert.False(h.Client.Completion.IsCompleted);
    }

    [Fact]
    public void A_negative_cap_is_refused_naming_the_option()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new LighterWebSocketClient(new LighterWebSocketOptions { MaxReconnectAttempts = -1 }));
        Assert.Equal("MaxReconnectAttempts", error.ParamName);
    }
}
