using Lighter.Client.Streaming;

namespace Lighter.Client.Tests.Streaming;

public sealed class OrderBookSequenceTests
{
    [Fact]
    public async Task A_slow_reader_gets_the_latest_book_and_the_sequence_ends_on_dispose()
    {
        await using var h = await StreamingHarness.StartAsync();
        var server = h.Server.Book(3);
        await server.UpdateAsync([("10", "1")], [("11", "1")]);
        var sub = await h.Client.SubscribeOrderBookAsync(3);
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, server));

        await using var reader = sub.ReadSnapshotsAsync(depth: 1).GetAsyncEnumerator();
        Assert.True(await reader.MoveNextAsync().AsTask().WaitAsync(TestWait.Guard)); // the live book, before any change
        Assert.Equal(("10", "11"), (reader.Current.Bids.Single().PriceText, reader.Current.Asks.Single().PriceText));
        var next = reader.MoveNextAsync().AsTask();
        await server.UpdateAsync([("10.1", "1")], []);
        Assert.True(await next.WaitAsync(TestWait.Guard));
        Assert.Equal("10.1", reader.Current.Bids.Single().PriceText);

        // Three more changes while nobody reads: the buffer coalesces them to the newest book.
        await server.UpdateAsync([("10.2", "1")], []);
        await server.UpdateAsync([("10.3", "1")], []);
        await server.UpdateAsync([("10.4", "2")], []);
        await TestWait.UntilAsync(sub.Book, b => TestWait.Matches(b, server));
        Assert.True(await reader.MoveNextAsync().AsTask().WaitAsync(TestWait.Guard));
        Assert.Equal("10.4", reader.Current.Bids.Single().PriceText);

        await sub.DisposeAsync();
        Assert.False(await reader.MoveNextAsync().AsTask().WaitAsync(TestWait.Guard));
    }
}
