using System.Text;
using Lighter.Client.Diagnostics;
using Lighter.Client.OrderBooks;
using Lighter.Client.Streaming;
using Lighter.Client.Tests.Support;

namespace Lighter.Client.Tests.Streaming;

/// <summary>
/// <c>lighter.ws.reconnects</c> and <c>lighter.order_book.resyncs</c> on the scripted server. Each test selects its own
/// measurements by the server's port or by a market id no other test uses.
/// </summary>
public sealed class StreamTelemetryTests : IDisposable
{
    private static readonly (string, string)[] NoLevels = [];
    private readonly MetricCapture _reconnects = new(LighterTelemetry.WebSocketReconnectsInstrument);
    private readonly MetricCapture _resyncs = new(LighterTelemetry.OrderBookResyncsInstrument);

    public void Dispose()
    {
        _reconnects.Dispose();
        _resyncs.Dispose();
    }

    private IReadOnlyList<MetricCapture.Measurement> ReconnectsOf(StreamingHarness h) => _reconnects.Where("server.port", h.Server.Uri.Port);

    private Dictionary<string, double> ResyncsOf(short market) => _resyncs.SumBy("lighter.market_id", (int)market, "lighter.reason");

    [Fact]
    public async Task A_dropped_socket_counts_one_reconnect_tagged_dropped_with_host_and_port_only()
    {
        await using var h = await StreamingHarness.StartAsync();
        await using var sub = await h.Client.SubscribeAsync(RawStreamMessage.Channel("trade/0"));
        await h.Server.WaitForSubscribeAsync("trade/0", connectionId: 0);
        Assert.Empty(ReconnectsOf(h)); // connecting the first time is no reconnect

        var reconnecting = TestWait.ForStateAsync(h.Client, e => e.Current == ConnectionState.Reconnecting);
        h.Server.AbortAll();
        await reconnecting;
        await h.Server.WaitForSubscribeAsync("trade/0", connectionId: 1);

        var reconnect = Assert.Single(ReconnectsOf(h));
        Assert.Equal(1, reconnect.Value);
        Assert.Equal(StreamTelemetry.ReconnectReason.Dropped, reconnect.Tag("lighter.reason"));
        Assert.Equal("127.0.0.1", reconnect.Tag("server.address"));
        Assert.Equal(3, reconnect.Tags.Length); // no path, no query
    }

    [Fact]
    public async Task A_clean_close_is_tagged_server_closed()
    {
        await using var h = await StreamingHarness.StartAsync();
        await using var sub = await h.Client.SubscribeAsync(RawStreamMessage.Channel("trade/0"));
        await h.Server.WaitForSubscribeAsync("trade/0", connectionId: 0);

        var reconnecting = TestWait.ForStateAsync(h.Client, e => e.Current == ConnectionState.Reconnecting);
        await h.Server.Connections[0].CloseAsync();
        await reconnecting;

        Assert.Equal(StreamTelemetry.ReconnectReason.ServerClosed, Assert.Single(ReconnectsOf(h)).Tag("lighter.reason"));
    }

    [Fact]
    public async Task A_silent_socket_declared_dead_is_tagged_dead()
    {
        await using var h = await StreamingHarness.StartAsync();
        await using var sub = await h.Client.SubscribeAsync(RawStreamMessage.Channel("trade/0"));
        await h.Server.WaitForSubscribeAsync("trade/0", connectionId: 0);

        h.Server.Connections[0].Responsive = false;
        var reconnecting = TestWait.ForStateAsync(h.Client, e => e.Current == ConnectionState.Reconnecting);
        h.Time.Advance(h.Options.KeepAliveInterval);
        await h.Server.WaitForFrameAsync((c, f) => c.Id == 0 && ScriptedLighterServer.Type(f) == "ping");
        h.Time.Advance(h.Options.KeepAliveInterval);
        await reconnecting;

        Assert.Equal(StreamTelemetry.ReconnectReason.Dead, Assert.Single(ReconnectsOf(h)).Tag("lighter.reason"));
    }

    [Fact]
    public async Task Refused_reconnect_attempts_are_each_counted_as_connect_failed()
    {
        await using var h = await StreamingHarness.StartAsync(o => o.MaxReconnectAttempts = 2);
        await using var sub = await h.Client.SubscribeAsync(RawStreamMessage.Channel("trade/0"));
        await h.Server.WaitForSubscribeAsync("trade/0", connectionId: 0);

        h.Server.RefuseConnections = true;
        h.Server.AbortAll();
        await Assert.ThrowsAsync<LighterConnectionException>(() => h.Client.Completion.WaitAsync(TestWait.Guard));

        // The drop, then one refused attempt that is retried; the second refusal reaches the cap (no further attempt).
        var reasons = ReconnectsOf(h).Select(m => m.Tag("lighter.reason")).ToList();
        Assert.Equal([StreamTelemetry.ReconnectReason.Dropped, StreamTelemetry.ReconnectReason.ConnectFailed], reasons);
    }

    [Fact]
    public async Task A_skipped_update_counts_one_gap_resync_for_its_market_and_the_first_snapshot_counts_none()
    {
        const short market = 3101;
        await using var h = await StreamingHarness.StartAsync();
        var book = h.Server.Book(market);
        await book.UpdateAsync([("50", "1")], [("51", "1")]);
        await using var sub = await h.Client.SubscribeOrderBookAsync(market);
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, book));
        Assert.Empty(ResyncsOf(market));

        var resync = TestWait.ForDiagnosticAsync(h.Client, d => d.Kind == StreamDiagnosticKind.OrderBookResync);
        await book.UpdateAsync([("49", "1")], NoLevels, deliver: false);
        await book.UpdateAsync([("48", "1")], NoLevels);
        await book.UpdateAsync([("47", "1")], NoLevels); // may arrive before the fresh snapshot: no second resync
        await resync;
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, book));

        Assert.Equal(new Dictionary<string, double> { [StreamTelemetry.BookResyncReason.Gap] = 1 }, ResyncsOf(market));
    }

    [Fact]
    public async Task A_reconnect_counts_one_reconnect_resync_per_book()
    {
        const short market = 3102;
        await using var h = await StreamingHarness.StartAsync();
        var book = h.Server.Book(market);
        await book.UpdateAsync([("10", "1")], [("11", "1")]);
        await using var sub = await h.Client.SubscribeOrderBookAsync(market);
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, book));

        h.Server.AbortAll();
        await h.Server.WaitForSubscribeAsync("order_book/" + market, connectionId: 1);
        await book.UpdateAsync([("10.5", "2")], NoLevels);
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, book));

        Assert.Equal(new Dictionary<string, double> { [StreamTelemetry.BookResyncReason.Reconnect] = 1 }, ResyncsOf(market));
    }

    [Fact]
    public void An_unreadable_frame_without_nonces_to_prove_continuity_counts_an_unreadable_frame_resync()
    {
        const short market = 3103;
        var server = new ServerBook(market, null!); // only the frame builders are used
        var book = new LocalOrderBook(market);
        var sink = new OrderBookSink(book, (_, _) => { });
        var diagnostics = new Fuzzing.CountingDiagnostics();
        sink.OnFrame(default, Encoding.UTF8.GetBytes(server.Snapshot(withNonces: false)), diagnostics);

        sink.OnFrame(default, """{"channel":"order_book:3103","type":"""u8, diagnostics);
        sink.OnFrame(default, Encoding.UTF8.GetBytes(server.Update([("2", "1")], [], withNonces: false)), diagnostics);

        Assert.Equal(new Dictionary<string, double> { [StreamTelemetry.BookResyncReason.UnreadableFrame] = 1 }, ResyncsOf(market));
    }
}
