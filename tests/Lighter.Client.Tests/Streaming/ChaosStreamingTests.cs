using System.Globalization;
using Lighter.Client.Streaming;

namespace Lighter.Client.Tests.Streaming;

/// <summary>
/// Seeded random scripts mixing delivered updates, skipped updates, socket kills, malformed and unknown frames:
/// whatever happens and wherever it happens, the local books end equal to the server's and every subscription
/// (both books and a plain channel) is live again.
/// </summary>
public sealed class ChaosStreamingTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public async Task Any_mix_of_faults_ends_with_the_servers_books_and_all_subscriptions_active(int seed)
    {
        var random = new Random(seed);
        await using var h = await StreamingHarness.StartAsync();
        var books = new[] { h.Server.Book(0), h.Server.Book(1) };
        foreach (var book in books)
        {
            await book.UpdateAsync(Levels(random), Levels(random));
        }

        await using var sub0 = await h.Client.SubscribeOrderBookAsync(0);
        await using var sub1 = await h.Client.SubscribeOrderBookAsync(1);
        await using var trades = await h.Client.SubscribeAsync(RawStreamMessage.Channel("trade/0"));

        for (var step = 0; step < 40; step++)
        {
            var book = books[random.Next(books.Length)];
            switch (random.Next(10))
            {
                case < 6:
                    await book.UpdateAsync(Levels(random), Levels(random), nonceJump: random.Next(1, 50), offsetJump: random.Next(1, 9));
                    break;
                case 6:
                    await book.UpdateAsync(Levels(random), Levels(random), deliver: false);
                    break;
                case 7:
                    h.Server.AbortAll();
                    break;
                case 8:
                    await h.Server.PublishAsync(book.MarketId, "{\"channel\":\"order_book:" + book.MarketId + "\",\"order_book\":{\"bids\":[{\"price\":");
                    break;
                default:
                    await h.Server.PublishAsync(book.MarketId, "{\"channel\":\"order_book:" + book.MarketId + "\",\"type\":\"update/order_book_v3\"}");
                    break;
            }
        }

        // One last delivered update per book, so a skip at the very end is noticed too.
        foreach (var book in books)
        {
            await book.UpdateAsync(Levels(random), Levels(random));
        }

        await TestWait.UntilAsync(sub0.Book, b => TestWait.Matches(b, books[0]));
        await TestWait.UntilAsync(sub1.Book, b => TestWait.Matches(b, books[1]));

        // The books are synced, so the latest socket is the live one; the plain channel is back on it too.
        await h.Server.WaitForSubscribeAsync("trade/0", h.Server.Connections[^1].Id);
        await h.Server.PublishAsync("trade/0", """{"channel":"trade:0","trades":[],"type":"update/trade"}""");
        await using var reader = trades.ReadAllAsync().GetAsyncEnumerator();
        Assert.True(await reader.MoveNextAsync().AsTask().WaitAsync(TestWait.Guard));
    }

    private static List<(string Price, string Size)> Levels(Random random)
    {
        var levels = new List<(string, string)>();
        for (var i = random.Next(0, 4); i > 0; i--)
        {
            var price = (100m + (random.Next(0, 20) * 0.25m)).ToString("0.00", CultureInfo.InvariantCulture);
            var size = random.Next(4) == 0 ? "0" : (random.Next(1, 1000) / 100m).ToString(CultureInfo.InvariantCulture);
            levels.Add((price, size));
        }

        return levels;
    }
}
