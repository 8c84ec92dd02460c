using Lighter.Client.Streaming;
using Lighter.Testing.Tests.Wire;

namespace Lighter.Testing.Tests.Integration;

/// <summary>The SDK's WebSocket client and local order book, fed by the sandbox.</summary>
public sealed class StreamingClientTests
{
    [Fact]
    public async Task The_sdk_order_book_follows_the_sandbox_and_resyncs_after_a_gap()
    {
        using var pulse = new SemaphoreSlim(0);
        await using var f = await SandboxFixture.StartAsync();
        await using var client = new LighterWebSocketClient(new LighterWebSocketOptions { Uri = f.Sandbox.WebSocketUri });
        await client.ConnectAsync();
        await using var subscription = await client.SubscribeOrderBookAsync(0);
        // The book types are named through `var` only: they are moving between namespaces in the SDK.
        var book = subscription.Book;
        bool Synced() => book.Status.ToString() == "Synced";
        book.Changed += (_, _) => pulse.Release();
        book.StatusChanged += (_, _) => pulse.Release();
        async Task WaitUntilAsync(Func<bool> condition)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (!condition())
            {
                await pulse.WaitAsync(timeout.Token);
            }
        }

        await WaitUntilAsync(Synced);

        await f.SendTxAsync(14, f.Maker.CreateOrder(market: 0, clientOrderIndex: 1, baseAmount: 5_000, price: 300_000, isAsk: true));
        await f.SendTxAsync(14, f.Maker.CreateOrder(market: 0, clientOrderIndex: 2, baseAmount: 2_000, price: 299_000, isAsk: false));
        await WaitUntilAsync(() => book.BestAsk?.Price == 3000.00m && book.BestBid?.Price == 2990.00m);

        f.Sandbox.Faults.SkipOrderBookUpdates(marketId: 0);
        await f.SendTxAsync(14, f.Maker.CreateOrder(market: 0, clientOrderIndex: 3, baseAmount: 1_000, price: 299_500, isAsk: false));
        await f.SendTxAsync(14, f.Maker.CreateOrder(market: 0, clientOrderIndex: 4, baseAmount: 1_000, price: 300_500, isAsk: true));

        // The client sees the gap, fetches a fresh snapshot and ends up with every level, including the skipped one.
        await WaitUntilAsync(() => Synced() && book.BestBid?.Price == 2995.00m && book.GetSnapshot().Asks.Count == 2);
        Assert.Equal(0.1000m, book.BestBid!.Value.Size);
    }
}
