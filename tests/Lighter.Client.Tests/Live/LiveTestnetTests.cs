using Lighter.Client.Streaming;
using Lighter.Signing.Transactions;
using Lighter.Client.OrderBooks;

namespace Lighter.Client.Tests.Live;

/// <summary>
/// The SDK against the real testnet (opt-in, see <see cref="LiveFactAttribute"/>): metadata, the order-book
/// stream and, with credentials, a post-only order far from the market that is cancelled again.
/// </summary>
[Trait("Category", "Live")]
public sealed class LiveTestnetTests
{
    [LiveFact]
    public async Task Market_metadata_loads_from_testnet()
    {
        using var client = LighterClient.Create(Testnet());

        var markets = await client.Markets.GetAllAsync();

        Assert.NotEmpty(markets);
        var first = markets.Values.OrderBy(m => m.MarketId).First();
        Assert.False(string.IsNullOrEmpty(first.Symbol));
        Assert.InRange(first.SizeDecimals, 0, 18);
        Assert.InRange(first.PriceDecimals, 0, 18);
    }

    [LiveFact]
    public async Task The_order_book_stream_synchronises_with_testnet()
    {
        var environment = LighterEnvironment.Testnet;
        await using var socket = new LighterWebSocketClient(new LighterWebSocketOptions { Uri = environment.WebSocketUrl });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(timeout.Token);

        await using var subscription = await socket.SubscribeOrderBookAsync(0, timeout.Token);
        while (subscription.Book.Status != LocalOrderBookStatus.Synced)
        {
            await Task.Delay(100, timeout.Token);
        }

        var top = subscription.Book.GetSnapshot(depth: 1);
        Assert.True(top.Bids.Count + top.Asks.Count > 0, "testnet market 0 has an empty book");
    }

    [LiveFact(needsAccount: true)]
    public async Task A_post_only_order_far_from_the_market_is_placed_and_cancelled()
    {
        var options = Testnet();
        LighterEnvironmentVariables.Apply(options);
        using var client = LighterClient.Create(options);
        var market = await client.Markets.GetAsync(0);
        var farBelow = 1m / (decimal)Math.Pow(10, market.PriceDecimals); // the smallest price: never fills

        var placed = await client.CreateLimitOrderAsync(0, OrderSide.Buy, market.MinBaseAmount, farBelow, OrderTimeInForce.PostOnly);
        var cancelled = await client.CancelAllOrdersAsync();

        Assert.False(string.IsNullOrEmpty(placed.TxHash));
        Assert.Equal(placed.Nonce + 1, cancelled.Nonce);
    }

    private static LighterClientOptions Testnet() => new() { Environment = "testnet" };
}
