using System.Text;
using Lighter.Client.Streaming;
using Lighter.Client.OrderBooks;

namespace Lighter.Client.Tests.Streaming;

/// <summary>
/// Issue 16, item 1: an unreadable frame on a book channel is reported, but only the next update's
/// <c>begin_nonce</c> decides whether the book lost anything (a gap resyncs, continuity carries on).
/// </summary>
public sealed class ResyncOnEvidenceTests
{
    private const string Junk = """{"channel":"order_book:0","order_book":{"bids":[{"price":""";
    private static readonly (string, string)[] NoLevels = [];

    [Fact]
    public async Task A_malformed_frame_followed_by_a_continuing_update_keeps_the_book_synced_without_resubscribing()
    {
        await using var h = await StreamingHarness.StartAsync();
        var book = h.Server.Book(0);
        await book.UpdateAsync([("7", "1")], [("8", "1")]);
        await using var sub = await h.Client.SubscribeOrderBookAsync(0);
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, book));
        var statusChanges = new List<OrderBookStatusChangedEventArgs>();
        sub.Book.StatusChanged += (_, e) => statusChanges.Add(e);

        var reported = TestWait.ForDiagnosticAsync(h.Client, d => d.Kind == StreamDiagnosticKind.MalformedFrame && d.Channel == "order_book/0");
        await h.Server.PublishAsync(0, Junk);
        await reported;
        await book.UpdateAsync([("7.5", "2")], NoLevels); // begin_nonce continues the last nonce the client saw
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, book));

        // Before the fix the junk frame invalidated the book on the receive loop (Synced -> Resyncing) and sent
        // unsubscribe + subscribe; both the status event and the resync diagnostic were raised synchronously,
        // so they would be visible here.
        Assert.Empty(statusChanges);
        Assert.DoesNotContain(h.DiagnosticsSoFar(), d => d.Kind == StreamDiagnosticKind.OrderBookResync);
        Assert.Equal(LocalOrderBookStatus.Synced, sub.Book.Status);

        // A ping round trip orders the server's record after anything the client sent before it.
        await h.Server.SendToAllAsync("""{"type":"ping"}""");
        await h.Server.WaitForFrameAsync((c, f) => ScriptedLighterServer.Type(f) == "pong");
        Assert.DoesNotContain(h.Server.ReceivedTypes(), t => t == "unsubscribe");
    }

    [Fact]
    public void Junk_frames_among_5000_continuing_updates_cost_no_resync_and_a_real_gap_costs_exactly_one()
    {
        // The measurement: 135 junk frames among 5,000 updates used to cost 20 snapshot round trips.
        var random = new Random(16);
        var server = new ServerBook(0, null!); // only the frame builders are used, never the server
        var book = new LocalOrderBook(0);
        var resyncs = 0;
        var sink = new OrderBookSink(book, (_, _) => resyncs++);
        var diagnostics = new Fuzzing.CountingDiagnostics();
        sink.OnFrame(default, Encoding.UTF8.GetBytes(server.Snapshot()), diagnostics);
        string[] junk = [Junk, "{\"channel\":\"order_book:0\",\"type\":", "{\"channel\":\"order_book:0\",\"order_book\":{\"asks\":[{\"price\":\"x\",\"size\":\"1\"}]},\"type\":\"update/order_book\"}"];

        for (var i = 0; i < 5000; i++)
        {
            if (i % 37 == 0)
            {
                sink.OnFrame(default, Encoding.UTF8.GetBytes(junk[random.Next(junk.Length)]), diagnostics);
            }

            var price = (100 + random.Next(50)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            sink.OnFrame(default, Encoding.UTF8.GetBytes(server.Update([(price, random.Next(3).ToString(System.Globalization.CultureInfo.InvariantCulture))], [])), diagnostics);
        }

        Assert.Equal(0, resyncs);
        Assert.Equal(136, diagnostics.Count); // every junk frame reported, and nothing else (no resync notices)
        Assert.Equal(LocalOrderBookStatus.Synced, book.Status);
        Assert.Equal(server.Bids.Select(l => l.Price), book.GetSnapshot().Bids.Select(l => l.PriceText));

        sink.OnFrame(default, Encoding.UTF8.GetBytes(Junk), diagnostics);
        server.Update([("1", "1")], []); // lost
        sink.OnFrame(default, Encoding.UTF8.GetBytes(server.Update([("2", "1")], [])), diagnostics);
        Assert.Equal(1, resyncs);
    }

    [Fact]
    public async Task A_malformed_frame_followed_by_a_gap_still_resyncs_from_a_fresh_snapshot()
    {
        await using var h = await StreamingHarness.StartAsync();
        var book = h.Server.Book(0);
        await book.UpdateAsync([("7", "1")], [("8", "1")]);
        await using var sub = await h.Client.SubscribeOrderBookAsync(0);
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, book));

        var resync = TestWait.ForDiagnosticAsync(h.Client, d => d.Kind == StreamDiagnosticKind.OrderBookResync);
        await h.Server.PublishAsync(0, Junk);
        await book.UpdateAsync([("6", "1")], NoLevels, deliver: false); // lost: the junk frame stood in its place
        await book.UpdateAsync([("5", "1")], NoLevels);

        Assert.Contains("begin_nonce", (await resync).Message, StringComparison.Ordinal);
        await h.Server.WaitForFrameAsync((c, f) => ScriptedLighterServer.Type(f) == "unsubscribe");
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, book));
    }

    [Fact]
    public async Task Without_nonces_a_malformed_frame_still_resyncs_because_offsets_cannot_prove_continuity()
    {
        await using var h = await StreamingHarness.StartAsync();
        h.Server.SendNonces = false;
        var book = h.Server.Book(0);
        await book.UpdateAsync([("7", "1")], [("8", "1")], withNonces: false);
        await using var sub = await h.Client.SubscribeOrderBookAsync(0);
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, book));

        var resync = TestWait.ForDiagnosticAsync(h.Client, d => d.Kind == StreamDiagnosticKind.OrderBookResync);
        await h.Server.PublishAsync(0, Junk);
        await book.UpdateAsync([("7.5", "1")], NoLevels, withNonces: false);

        Assert.Contains("begin_nonce", (await resync).Message, StringComparison.Ordinal);
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, book));
    }
}
