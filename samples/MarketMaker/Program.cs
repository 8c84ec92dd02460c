using System.Runtime.InteropServices;
using Lighter.Client;
using Lighter.Testing;
using MarketMaker;
using Spectre.Console;

// dotnet run --project samples/MarketMaker -- --duration 30                 -> quotes on an in-process sandbox with a taker
// dotnet run --project samples/MarketMaker -- --testnet --market 0 --size 0.01 -> quotes on testnet (LIGHTER_* variables)
var console = AnsiConsole.Console;
var time = TimeProvider.System;
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

try
{
    var options = MakerOptions.Parse(args);
    if (options.Duration is { } duration) stop.CancelAfter(duration);
    var dashboard = new Dashboard(console, time);
    MakerStats stats;
    if (dashboard.Live)
    {
        stats = await console.Live(new Table()).StartAsync(async live => await RunAsync(options, s =>
        {
            live.UpdateTarget(Dashboard.Table(s));
            live.Refresh();
        }, stop.Token));
    }
    else
    {
        stats = await RunAsync(options, dashboard.Line, stop.Token);
    }
    Console.Out.WriteLine("Stopped: " + Dashboard.Summary(stats));
    return 0;
}
catch (Exception e) when (e is InvalidOperationException or HttpRequestException or ArgumentException
    or LighterApiException or LighterConfigurationException)
{
    console.MarkupLine($"[red]Market maker failed:[/] {Markup.Escape(e.Message)}");
    return 1;
}

async Task<MakerStats> RunAsync(MakerOptions options, Action<MakerStats> render, CancellationToken cancellationToken)
{
    if (!options.Testnet)
    {
        await using var sandbox = await LighterSandbox.StartAsync(cancellationToken: CancellationToken.None);
        return await SandboxRun.RunAsync(sandbox, options, render, time, inspect: null, cancellationToken);
    }
    var clientOptions = new LighterClientOptions { Environment = "testnet" };
    LighterEnvironmentVariables.Apply(clientOptions);
    if (clientOptions.AccountIndex is null || clientOptions.PrivateKey is null)
        throw new InvalidOperationException("Set LIGHTER_ACCOUNT_INDEX, LIGHTER_API_KEY_INDEX and LIGHTER_PRIVATE_KEY for --testnet.");
    await using var client = LighterClient.Create(clientOptions);
    // Testnet has a real book: the mid comes from it; the reference only matters until the first book frame.
    var first = await client.Streams.SubscribeOrderBookAsync(options.MarketId, cancellationToken);
    var reference = first.Book.BestBid is { } b && first.Book.BestAsk is { } a ? (b.Price + a.Price) / 2 : 0m;
    await first.DisposeAsync();
    if (reference <= 0) throw new InvalidOperationException($"Market {options.MarketId} has no two-sided book to quote around.");
    return await new QuoteBot(client, options, reference, time).RunAsync(render, cancellationToken);
}
