using Lighter.Signing.Transactions;
using System.Diagnostics;
using Lighter.Client;
using Lighter.Client.Streaming;
using Spectre.Console;

namespace Quickstart;

/// <summary>
/// <c>--testnet</c>: the same steps against the real testnet with one account of yours and its <see cref="LighterClient"/>, from
/// <c>LIGHTER_ACCOUNT_INDEX</c>, <c>LIGHTER_API_KEY_INDEX</c> and <c>LIGHTER_PRIVATE_KEY</c>. It rests a small bid
/// 10 % under the best bid, buys the market's minimum size at market (so it trades with testnet liquidity),
/// streams the fill, and cancels what is left. Not run in CI.
/// </summary>
internal static class TestnetFlow
{
    public static async Task<TimeSpan> RunAsync(IAnsiConsole console, CancellationToken cancellationToken)
    {
        LoadDotEnv();
        var options = new LighterClientOptions { Environment = "testnet" };
        LighterEnvironmentVariables.Apply(options);
        var environment = options.ResolveEnvironment();
        if (options.AccountIndex is not { } accountIndex || options.ApiKeyIndex is null || options.PrivateKey is null)
        {
            throw new InvalidOperationException("Set LIGHTER_ACCOUNT_INDEX, LIGHTER_API_KEY_INDEX and LIGHTER_PRIVATE_KEY for --testnet.");
        }

        var clock = Stopwatch.StartNew();
        using var changed = new SemaphoreSlim(0);
        Report.Header(console, "Lighter testnet", $"{environment.BaseUrl} · chain {environment.ChainId} · account {accountIndex}");
        using var client = LighterClient.Create(options);
        var trader = new Trader("you", client);
        var eth = await Clients.MarketAsync(client, "ETH", cancellationToken);
        await using var socket = new LighterWebSocketClient(new LighterWebSocketOptions { Uri = environment.WebSocketUrl });
        await socket.ConnectAsync(cancellationToken);
        await using var book = await socket.SubscribeOrderBookAsync(eth.MarketId, cancellationToken);
        await using var fills = await FillStream.StartAsync(socket, "you", accountIndex, cancellationToken);

        // The first snapshot arrives asynchronously: wait until the local book is in sync.
        book.Book.StatusChanged += (_, _) => changed.Release();
        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            wait.CancelAfter(TimeSpan.FromSeconds(20));
            while (book.Book.Status.ToString() != "Synced")
            {
                await changed.WaitAsync(wait.Token);
            }
        }

        var snapshot = book.Book.GetSnapshot(depth: 1);
        if (snapshot.Bids.Count == 0 || snapshot.Asks.Count == 0)
        {
            throw new InvalidOperationException("The testnet ETH book is empty on one side; try again later.");
        }

        var size = 0.01m;
        var restingBid = decimal.Round(snapshot.Bids[0].Price * 0.9m, eth.PriceDecimals, MidpointRounding.ToZero);
        var worstAsk = decimal.Round(snapshot.Asks[0].Price * 1.01m, eth.PriceDecimals, MidpointRounding.ToZero);
        await trader.LimitAsync(eth, 101, OrderSide.Buy, size, restingBid, cancellationToken);
        await trader.MarketAsync(eth, 102, OrderSide.Buy, size, worstAsk, cancellationToken);
        await fills.WaitForSizeAsync(size, TimeSpan.FromSeconds(20));
        Report.Orders(console, trader.Orders);
        Report.Fills(console, fills.Fills);
        var top = book.Book.GetSnapshot(depth: 5);
        Report.Book(console, eth, [.. top.Bids.Select(l => (l.PriceText, l.SizeText))], [.. top.Asks.Select(l => (l.PriceText, l.SizeText))], 0);
        await client.CancelOrderAsync(eth.MarketId, 101, cancellationToken);
        Report.Positions(console, await Positions.ReadAsync("you", client, eth, cancellationToken));
        return clock.Elapsed;
    }

    /// <summary>LIGHTER_* from a <c>.env</c> file in the working directory, when there is one; a variable already set wins.</summary>
    private static void LoadDotEnv()
    {
        if (!File.Exists(".env")) return;
        var pairs = DotNetEnv.Env.Load(".env", new DotNetEnv.LoadOptions(setEnvVars: false, clobberExistingVars: false, onlyExactPath: true));
        foreach (var (name, value) in pairs)
        {
            if (name.StartsWith("LIGHTER_", StringComparison.Ordinal) && Environment.GetEnvironmentVariable(name) is null)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
