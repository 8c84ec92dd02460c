using Quickstart;
using Spectre.Console;

// dotnet run --project samples/Quickstart              -> trades on an in-process sandbox (no account, no network)
// dotnet run --project samples/Quickstart -- --testnet -> the same steps on testnet (LIGHTER_* variables)
var console = AnsiConsole.Console;
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    var elapsed = args.Contains("--testnet", StringComparer.Ordinal)
        ? await TestnetFlow.RunAsync(console, cancel.Token)
        : await SandboxFlow.RunAsync(console, cancel.Token);
    console.MarkupLine($"[green]Done[/] in {elapsed.TotalSeconds:F2} s.");
    return 0;
}
catch (Exception e) when (e is InvalidOperationException or HttpRequestException or OperationCanceledException or ArgumentException
    or Lighter.Client.LighterApiException or Lighter.Client.LighterConfigurationException)
{
    console.MarkupLine($"[red]Quickstart failed:[/] {Markup.Escape(e.Message)}");
    return 1;
}
