using System.Diagnostics;
using Lighter.Client.Streaming;
using Lighter.Signing;
using Lighter.Signing.Transactions;
using Lighter.Testing;
using Spectre.Console;

namespace Quickstart;

/// <summary>
/// The default flow: an in-process sandbox, two funded accounts with fresh API keys, resting asks from Alice,
/// a resting bid and a market buy from Bob, the book and Bob's fills streamed, then everything left cancelled.
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
        var alice = sandbox.CreateAccount(usdc: 100_000m);
        var bob = sandbox.CreateAccount(usdc: 100_000m);
        sandbox.RegisterApiKey(alice.Index, ApiKeyIndex, aliceKey.PublicKey);
        sandbox.RegisterApiKey(bob.Index, ApiKeyIndex, bobKey.PublicKey);
        Report.Step(console, $"Created accounts {alice.Index} (Alice) and {bob.Index} (Bob) with 100,000 USDC and registered a new API key for each");

        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        var reader = new ExchangeRest(http);
        var eth = await reader.GetMarketAsync("ETH", cancellationToken);
        Report.Step(console, $"Market {eth.Symbol} is {eth.Id}: sizes have {eth.SizeDecimals} decimals, prices {eth.PriceDecimals}");

        await using var socket = new LighterWebSocketClient(new LighterWebSocketOptions { Uri = sandbox.WebSocketUri });
        await socket.ConnectAsync(cancellationToken);
        await using var book = await socket.SubscribeOrderBookAsync(eth.Id, cancellationToken);
        var updates = 0;
        book.Book.Changed += (_, _) => Interlocked.Increment(ref updates);
        await using var fills = await FillStream.StartAsync(socket, "Bob", bob.Index, cancellationToken);

        var chain = new LighterChainId(sandbox.ChainId);
        var aliceTrader = new Trader("Alice", new LighterSigner(aliceKey, chain, alice.Index, ApiKeyIndex),
            await reader.GetNextNonceAsync(alice.Index, ApiKeyIndex, cancellationToken), reader);
        var bobTrader = new Trader("Bob", new LighterSigner(bobKey, chain, bob.Index, ApiKeyIndex),
            await reader.GetNextNonceAsync(bob.Index, ApiKeyIndex, cancellationToken), reader);

        await aliceTrader.LimitAsync(eth, 1, isAsk: true, size: 0.5m, price: 3000.00m, cancellationToken);
        await aliceTrader.LimitAsync(eth, 2, isAsk: true, size: 0.5m, price: 3001.00m, cancellationToken);
        await aliceTrader.LimitAsync(eth, 3, isAsk: true, size: 1.0m, price: 3005.50m, cancellationToken);
        await bobTrader.LimitAsync(eth, 11, isAsk: false, size: 0.2m, price: 2990.00m, cancellationToken);
        Report.Step(console, "Alice offers 2 ETH at three prices; Bob bids 0.2 ETH at 2990.00");

        await bobTrader.MarketAsync(eth, 12, isAsk: false, size: 0.7m, worstPrice: 3010.00m, cancellationToken);
        await fills.WaitForSizeAsync(0.7m, TimeSpan.FromSeconds(5));
        Report.Step(console, "Bob buys 0.7 ETH at market: it takes the best asks first");
        Report.Orders(console, [.. aliceTrader.Orders, .. bobTrader.Orders]);
        Report.Fills(console, fills.Fills);
        var top = book.Book.GetSnapshot(depth: 5);
        Report.Book(console, eth, [.. top.Bids.Select(l => (l.PriceText, l.SizeText))], [.. top.Asks.Select(l => (l.PriceText, l.SizeText))],
            Volatile.Read(ref updates));

        await aliceTrader.CancelAllAsync(cancellationToken);
        await bobTrader.CancelAsync(eth, 11, cancellationToken);
        Report.Step(console, "Alice cancels all her orders; Bob cancels his bid by client order id");
        Report.Positions(console, [
            .. await reader.GetPositionsAsync("Alice", alice.Index, cancellationToken),
            .. await reader.GetPositionsAsync("Bob", bob.Index, cancellationToken)]);
        return clock.Elapsed;
    }
}
