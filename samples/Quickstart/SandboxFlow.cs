using Lighter.Signing.Transactions;
using System.Diagnostics;
using Lighter.Client.Streaming;
using Lighter.Signing;
using Lighter.Testing;
using Spectre.Console;

namespace Quickstart;

/// <summary>
/// The default flow: an in-process sandbox, two funded accounts with fresh API keys and one
/// <see cref="Lighter.Client.LighterClient"/> each, resting asks from Alice, a resting bid and a market buy from Bob,
/// the book and Bob's fills streamed, then everything left cancelled.
/// </summary>
internal static class SandboxFlow
{
    private const byte ApiKeyIndex = 3;

    public static async Task<TimeSpan> RunAsync(IAnsiConsole console, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var sandbox = await LighterSandbox.StartAsync(cancellationToken: cancellationToken);
        Report.Header(console, "Lighter sandbox", $"{sandbox.BaseUri} · chain {sandbox.ChainId} · started in {clock.ElapsedMilliseconds} ms");

        using var aliceKey = LighterPrivateKey.Generate();
        using var bobKey = LighterPrivateKey.Generate();
        var aliceAccount = sandbox.CreateAccount(usdc: 100_000m);
        var bobAccount = sandbox.CreateAccount(usdc: 100_000m);
        sandbox.RegisterApiKey(aliceAccount.Index, ApiKeyIndex, aliceKey.PublicKey);
        sandbox.RegisterApiKey(bobAccount.Index, ApiKeyIndex, bobKey.PublicKey);
        Report.Step(console, $"Created accounts {aliceAccount.Index} (Alice) and {bobAccount.Index} (Bob) with 100,000 USDC and registered a new API key for each");

        using var aliceClient = Clients.ForSandbox(sandbox, aliceAccount.Index, ApiKeyIndex, aliceKey);
        using var bobClient = Clients.ForSandbox(sandbox, bobAccount.Index, ApiKeyIndex, bobKey);
        var alice = new Trader("Alice", aliceClient);
        var bob = new Trader("Bob", bobClient);
        var eth = await Clients.MarketAsync(aliceClient, "ETH", cancellationToken);
        Report.Step(console, $"Market {eth.Symbol} is {eth.MarketId}: sizes have {eth.SizeDecimals} decimals, prices {eth.PriceDecimals}");

        await using var socket = new LighterWebSocketClient(new LighterWebSocketOptions { Uri = bobClient.Environment.WebSocketUrl });
        await socket.ConnectAsync(cancellationToken);
        await using var book = await socket.SubscribeOrderBookAsync(eth.MarketId, cancellationToken);
        var updates = 0;
        book.Book.Changed += (_, _) => Interlocked.Increment(ref updates);
        await using var fills = await FillStream.StartAsync(socket, "Bob", bobAccount.Index, cancellationToken);

        await alice.LimitAsync(eth, 1, OrderSide.Sell, size: 0.5m, price: 3000.00m, cancellationToken);
        await alice.LimitAsync(eth, 2, OrderSide.Sell, size: 0.5m, price: 3001.00m, cancellationToken);
        await alice.LimitAsync(eth, 3, OrderSide.Sell, size: 1.0m, price: 3005.50m, cancellationToken);
        await bob.LimitAsync(eth, 11, OrderSide.Buy, size: 0.2m, price: 2990.00m, cancellationToken);
        Report.Step(console, "Alice offers 2 ETH at three prices; Bob bids 0.2 ETH at 2990.00");

        await bob.MarketAsync(eth, 12, OrderSide.Buy, size: 0.7m, worstPrice: 3010.00m, cancellationToken);
        await fills.WaitForSizeAsync(0.7m, TimeSpan.FromSeconds(5));
        Report.Step(console, "Bob buys 0.7 ETH at market: it takes the best asks first");
        Report.Orders(console, [.. alice.Orders, .. bob.Orders]);
        Report.Fills(console, fills.Fills);
        var top = book.Book.GetSnapshot(depth: 5);
        Report.Book(console, eth, [.. top.Bids.Select(l => (l.PriceText, l.SizeText))], [.. top.Asks.Select(l => (l.PriceText, l.SizeText))],
            Volatile.Read(ref updates));

        await aliceClient.CancelAllOrdersAsync(cancellationToken: cancellationToken);
        await bobClient.CancelOrderAsync(eth.MarketId, 11, cancellationToken);
        Report.Step(console, "Alice cancels all her orders; Bob cancels his bid by client order id");
        Report.Positions(console, [
            .. await Positions.ReadAsync("Alice", aliceClient, eth, cancellationToken),
            .. await Positions.ReadAsync("Bob", bobClient, eth, cancellationToken)]);
        return clock.Elapsed;
    }
}
