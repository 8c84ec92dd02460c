using Lighter.Client.Streaming;
using Lighter.Client.OrderBooks;

namespace Lighter.Client.Tests.Streaming;

public sealed class OrderBookStreamingTests
{
    private static readonly (string, string)[] NoLevels = [];

    [Fact]
    public async Task Snapshot_and_updates_build_the_servers_book()
    {
        await using var h = await StreamingHarness.StartAsync();
        var server = h.Server.Book(0);
        await server.UpdateAsync([("100.5", "2"), ("100.4", "1.25")], [("100.7", "3"), ("100.9", "0.5")]);

        await using var sub = await h.Client.SubscribeOrderBookAsync(0);
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, server));

        await server.UpdateAsync([("100.5", "0"), ("100.6", "4.10")], [("100.7", "2.5")]);
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, server));

        Assert.Equal("100.6", sub.Book.BestBid!.Value.PriceText);
        Assert.Equal("4.10", sub.Book.BestBid!.Value.SizeText);
        Assert.Equal(100.7m, sub.Book.BestAsk!.Value.Price);
        Assert.Equal(["100.6", "100.4"], sub.Book.GetSnapshot().Bids.Select(l => l.PriceText));
    }

    [Fact]
    public async Task Server_closing_mid_stream_leads_to_reconnect_resubscribe_and_the_servers_book()
    {
        await using var h = await StreamingHarness.StartAsync();
        var book0 = h.Server.Book(0);
        var book1 = h.Server.Book(1);
        await book0.UpdateAsync([("10", "1")], [("11", "1")]);
        await book1.UpdateAsync([("20", "1")], [("21", "1")]);
        await using var sub0 = await h.Client.SubscribeOrderBookAsync(0);
        await using var sub1 = await h.Client.SubscribeOrderBookAsync(1);
        await using var trades = await h.Client.SubscribeAsync(RawStreamMessage.Channel("trade/0"));
        await TestWait.UntilAsync(sub0.Book, b => TestWait.Matches(b, book0));
        await TestWait.UntilAsync(sub1.Book, b => TestWait.Matches(b, book1));
        await book0.UpdateAsync([("10.5", "2")], NoLevels);

        var reconnected = TestWait.ForStateAsync(h.Client, e => e.Current == ConnectionState.Connected && e.Previous == ConnectionState.Connecting);
        h.Server.AbortAll();

        // While the client is away the market moves on; it must not miss any of it.
        await book0.UpdateAsync([("10", "0")], [("10.8", "7")]);
        await book1.UpdateAsync(NoLevels, [("21", "0"), ("22", "1")]);
        await reconnected;

        foreach (var channel in new[] { "order_book/0", "order_book/1", "trade/0" })
        {
            await h.Server.WaitForSubscribeAsync(channel, connectionId: 1);
        }

        await TestWait.UntilAsync(sub0.Book, b => TestWait.Matches(b, book0));
        await TestWait.UntilAsync(sub1.Book, b => TestWait.Matches(b, book1));
        await book0.UpdateAsync([("10.6", "1")], NoLevels);
        await TestWait.UntilAsync(sub0.Book, b => TestWait.Matches(b, book0));

        await h.Server.PublishAsync("trade/0", """{"channel":"trade:0","trades":[],"type":"update/trade"}""");
        await using var reader = trades.ReadAllAsync().GetAsyncEnumerator();
        Assert.True(await reader.MoveNextAsync().AsTask().WaitAsync(TestWait.Guard));
        Assert.Equal("update/trade", reader.Current.Type);
    }

    [Fact]
    public async Task A_clean_server_close_mid_stream_is_also_followed_by_reconnect_and_a_fresh_book()
    {
        await using var h = await StreamingHarness.StartAsync();
        var book = h.Server.Book(6);
        await book.UpdateAsync([("5", "1")], [("6", "1")]);
        await using var sub = await h.Client.SubscribeOrderBookAsync(6);
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, book));

        var reconnecting = TestWait.ForStateAsync(h.Client, e => e.Current == ConnectionState.Reconnecting);
        await h.Server.Connections[0].CloseAsync();
        await book.UpdateAsync([("5", "0"), ("4.5", "3")], NoLevels);

        Assert.Equal("server closed the connection", (await reconnecting).Reason);
        await h.Server.WaitForSubscribeAsync("order_book/6", connectionId: 1);
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, book));
    }

    [Fact]
    public async Task A_silent_connection_is_declared_dead_within_30_seconds_and_replaced()
    {
        await using var h = await StreamingHarness.StartAsync();
        var book = h.Server.Book(3);
        await book.UpdateAsync([("1.00", "5")], [("1.10", "5")]);
        await using var sub = await h.Client.SubscribeOrderBookAsync(3);
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, book));

        h.Server.Connections[0].Responsive = false; // No pongs, no data from now on.
        await book.UpdateAsync([("1.05", "1")], NoLevels);
        var dead = TestWait.ForStateAsync(h.Client, e => e.Current == ConnectionState.Reconnecting);
        h.Time.Advance(h.Options.KeepAliveInterval); // Tick 1: 10 s of silence, a ping goes out unanswered.
        await h.Server.WaitForFrameAsync((c, f) => c.Id == 0 && ScriptedLighterServer.Type(f) == "ping");
        Assert.False(dead.IsCompleted);
        h.Time.Advance(h.Options.KeepAliveInterval); // Tick 2: 20 s of silence, declared dead (30 s at most).

        var state = await dead;
        Assert.Contains("declared dead", state.Reason, StringComparison.Ordinal);
        await h.Server.WaitForSubscribeAsync("order_book/3", connectionId: 1);
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, book));
    }

    [Fact]
    public async Task A_skipped_update_is_detected_by_begin_nonce_and_the_book_is_rebuilt_from_a_fresh_snapshot()
    {
        await using var h = await StreamingHarness.StartAsync();
        var book = h.Server.Book(0);
        await book.UpdateAsync([("50", "1"), ("49", "1")], [("51", "1")]);
        await using var sub = await h.Client.SubscribeOrderBookAsync(0);
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, book));
        var resync = TestWait.ForDiagnosticAsync(h.Client, d => d.Kind == StreamDiagnosticKind.OrderBookResync);

        await book.UpdateAsync([("49", "0")], [("50.5", "2")], deliver: false); // Applied by the server, never delivered.
        await book.UpdateAsync([("48", "3")], NoLevels, nonceJump: 40);

        Assert.Contains("begin_nonce", (await resync).Message, StringComparison.Ordinal);
        await h.Server.WaitForFrameAsync((c, f) => ScriptedLighterServer.Type(f) == "unsubscribe");
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, book));
        Assert.DoesNotContain(h.DiagnosticsSoFar(), d => d.Kind == StreamDiagnosticKind.UnknownMessageType); // unsubscribed/ is expected
        Assert.Equal(["50.5", "51"], sub.Book.GetSnapshot().Asks.Select(l => l.PriceText));
    }

    [Fact]
    public async Task Malformed_frames_are_reported_and_never_end_the_stream()
    {
        await using var h = await StreamingHarness.StartAsync();
        var book = h.Server.Book(0);
        await book.UpdateAsync([("7", "1")], [("8", "1")]);
        await using var sub = await h.Client.SubscribeOrderBookAsync(0);
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, book));

        var notJson = TestWait.ForDiagnosticAsync(h.Client, d => d.Kind == StreamDiagnosticKind.MalformedFrame && d.RawFrame == "not json at all");
        await h.Server.SendToAllAsync("not json at all");
        await notJson;
        var badPrice = TestWait.ForDiagnosticAsync(h.Client, d => d.Kind == StreamDiagnosticKind.MalformedFrame && d.Message.Contains("price", StringComparison.Ordinal));
        await h.Server.SendToAllAsync("""{"channel":"order_book:0","order_book":{"asks":[{"price":"abc","size":"1"}],"bids":[]},"type":"update/order_book"}""");
        await badPrice;
        await h.Server.SendToAllAsync("""{"type":""");

        await book.UpdateAsync([("7.5", "2")], NoLevels);
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, book));
        Assert.Single(h.Server.Connections); // Handled in place: the socket was never dropped.
    }

    [Fact]
    public async Task Unknown_message_types_are_surfaced_with_the_raw_frame_and_the_stream_goes_on()
    {
        await using var h = await StreamingHarness.StartAsync();
        var book = h.Server.Book(0);
        await book.UpdateAsync([("7", "1")], [("8", "1")]);
        await using var sub = await h.Client.SubscribeOrderBookAsync(0);
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, book));

        const string OnChannel = """{"channel":"order_book:0","type":"update/order_book_v2"}""";
        const string Global = """{"type":"maintenance","eta":5}""";
        var first = TestWait.ForDiagnosticAsync(h.Client, d => d.Kind == StreamDiagnosticKind.UnknownMessageType && d.RawFrame == OnChannel);
        var second = TestWait.ForDiagnosticAsync(h.Client, d => d.Kind == StreamDiagnosticKind.UnknownMessageType && d.RawFrame == Global);
        await h.Server.SendToAllAsync(OnChannel);
        await h.Server.SendToAllAsync(Global);
        Assert.Equal("order_book/0", (await first).Channel);
        Assert.Contains("maintenance", (await second).Message, StringComparison.Ordinal);

        await book.UpdateAsync(NoLevels, [("8", "0"), ("9", "4")]);
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, book));
        Assert.Equal(LocalOrderBookStatus.Synced, sub.Book.Status);
    }

    [Fact]
    public async Task Without_nonces_the_book_follows_increasing_offsets_and_resyncs_on_a_stale_one()
    {
        await using var h = await StreamingHarness.StartAsync();
        h.Server.SendNonces = false;
        var book = h.Server.Book(2);
        await book.UpdateAsync([("3", "1")], [("4", "1")], withNonces: false);
        await using var sub = await h.Client.SubscribeOrderBookAsync(2);
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, book));

        var stale = await book.UpdateAsync([("3.5", "1")], NoLevels, withNonces: false);
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, book));
        var resync = TestWait.ForDiagnosticAsync(h.Client, d => d.Kind == StreamDiagnosticKind.OrderBookResync);
        await h.Server.PublishAsync(2, stale); // Same offset again: not a continuation.

        Assert.Contains("offset", (await resync).Message, StringComparison.Ordinal);
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, book));
    }
}
