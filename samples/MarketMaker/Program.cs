using Lighter.Client;
using Lighter.Testing;
using MarketMaker;
using Spectre.Console;

// dotnet run --project samples/MarketMaker -- --duration 30                 -> quotes on an in-process sandbox with a taker
// dotnet run --project samples/MarketMaker -- --testnet --market 0 --size 0.01 -> quotes on testnet (LIGHTER_* variables)
// Exit codes: 0 stopped cleanly (Ctrl+C, SIGTERM or --duration), 1 the run failed, 2 bad options or missing credentials.
var console = AnsiConsole.Console;
var time = TimeProvider.System;
using var stop = new CancellationTokenSource();
using var signals = new StopSignals(stop);

try
{
    var options = MakerOptions.Parse(args);
    if (options.Help)
    {
        Console.Out.WriteLine(MakerOptions.Usage);
        return 0;
    }
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
        // Redirected or non-interactive output: plain lines, since a live table would only print escape codes.
        stats = await RunAsync(options, dashboard.Line, stop.Token);
    }
    Console.Out.WriteLine("Stopped: " + Dashboard.Summary(stats));
    return 0;
}
catch (Exception e) when (e is ArgumentException or LighterConfigurationException)
{
    Console.Error.WriteLine("Market maker: " + e.Message);
    Console.Error.WriteLine(MakerOptions.Usage);
    return 2;
}
catch (Exception e) when (e is InvalidOperationException or HttpRequestException or LighterApiException)
{
    Console.Error.WriteLine("Market maker failed: " + e.Message);
    return 1;
}

async Task<MakerStats> RunAsync(MakerOptions options, Action<MakerStats> render, CancellationToken cancellationToken)
{
    if (options.Testnet) return await TestnetRun.RunAsync(options, render, time, cancellationToken);
    await using var sandbox = await LighterSandbox.StartAsync(cancellationToken: CancellationToken.None);
    return await SandboxRun.RunAsync(sandbox, options, render, time, inspect: null, cancellationToken);
}
