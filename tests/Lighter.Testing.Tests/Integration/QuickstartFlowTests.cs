using Quickstart;
using Spectre.Console;

namespace Lighter.Testing.Tests.Integration;

/// <summary>The quickstart's sandbox flow, end to end: sandbox, keys, limit and market orders, streams, cancels.</summary>
public sealed class QuickstartFlowTests
{
    [Fact]
    public async Task The_quickstart_trades_on_the_sandbox_in_under_ten_seconds()
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;

        var elapsed = await SandboxFlow.RunAsync(console, CancellationToken.None);

        var text = output.ToString();
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"the flow took {elapsed}");
        // Bob's market buy of 0.7 took 0.5 at 3000.00 and 0.2 at 3001.00 (streamed fills).
        Assert.Matches(@"│ 1\s+│ Bob\s+│ buy\s+│ 0\.5000 │ 3000\.00 │", text);
        Assert.Matches(@"│ 2\s+│ Bob\s+│ buy\s+│ 0\.2000 │ 3001\.00 │", text);
        // The local book (from the stream) before the cancels: Bob's bid and what is left of Alice's asks.
        Assert.Matches(@"│ 0\.2000\s+│ 2990\.00 │ 3001\.00 │ 0\.3000\s+│", text);
        // Average entry (0.5 × 3000 + 0.2 × 3001) / 0.7 = 3000.2857…, shown with the market's 2 decimals.
        Assert.Matches(@"│ Bob\s+│ ETH\s+│ \+0\.7000 │ 3000\.28\s+│", text);
        Assert.Matches(@"│ Alice\s+│ ETH\s+│ -0\.7000 │ 3000\.28\s+│", text);
    }
}
