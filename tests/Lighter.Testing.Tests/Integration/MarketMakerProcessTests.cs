using System.Diagnostics;
using Xunit.Abstractions;

namespace Lighter.Testing.Tests.Integration;

/// <summary>The MarketMaker sample as a real process: a signal stops it cleanly; bad input and missing credentials exit 2.</summary>
public sealed class MarketMakerProcessTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [PosixTheory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_signal_cancels_the_quotes_prints_the_summary_and_exits_0(string signal)
    {
        var clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(Generous);
        using var sample = MarketMakerProcess.Start(["--no-taker"]);

        var quoting = await sample.WaitForLineAsync("Quoting:", timeout.Token);
        var quotingAfter = clock.Elapsed;
        await sample.SignalAsync(signal, timeout.Token);
        var exit = await sample.ExitAsync(timeout.Token);

        Assert.Equal("", await sample.StandardErrorAsync());
        Assert.Equal(0, exit);
        Assert.DoesNotContain(sample.Lines, l => l.Contains('\u001b', StringComparison.Ordinal)); // redirected: plain lines, no live table
        Assert.Equal("Quoting: bid 2998.50 ask 3001.50 around mid 3000.00; Ctrl+C cancels the quotes and stops.", quoting);
        var summary = sample.Lines[^1];
        Assert.StartsWith("Stopped: mid 3000.00 bid 2998.50 ask 3001.50 placed 1/1 requotes 0 fills 0", summary);
        Assert.EndsWith(" open orders 0", summary);
        output.WriteLine($"SIG{signal}: quoting after {quotingAfter.TotalSeconds:F1} s, exited after {clock.Elapsed.TotalSeconds:F1} s");
    }

    [Theory]
    [InlineData("", "LIGHTER_ACCOUNT_INDEX, LIGHTER_API_KEY_INDEX, LIGHTER_PRIVATE_KEY (not set)")]
    [InlineData("LIGHTER_ACCOUNT_INDEX=5;LIGHTER_API_KEY_INDEX=3", "LIGHTER_PRIVATE_KEY (not set)")]
    [InlineData("LIGHTER_PRIVATE_KEY=00;LIGHTER_API_KEY_INDEX=3", "LIGHTER_ACCOUNT_INDEX (not set)")]
    public async Task Testnet_without_credentials_exits_2_naming_the_missing_variables(string set, string named)
    {
        using var timeout = new CancellationTokenSource(Generous);
        var environment = set.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        using var sample = MarketMakerProcess.Start(["--testnet"], environment);

        var exit = await sample.ExitAsync(timeout.Token);

        Assert.Equal(2, exit);
        Assert.Empty(sample.Lines);
        Assert.StartsWith($"Market maker: --testnet needs {named};", await sample.StandardErrorAsync());
    }

    [Theory]
    [InlineData("--market", "x", "--market must be a market index (0..32767), got 'x'.")]
    [InlineData("--spread-bps", "0", "--spread-bps must be a positive number, got '0'.")]
    [InlineData("--speed", "1", "Unknown option '--speed'.")]
    public async Task A_bad_option_exits_2_with_the_reason_and_the_usage(string option, string value, string reason)
    {
        using var timeout = new CancellationTokenSource(Generous);
        using var sample = MarketMakerProcess.Start([option, value]);

        var exit = await sample.ExitAsync(timeout.Token);

        Assert.Equal(2, exit);
        var stderr = await sample.StandardErrorAsync();
        Assert.StartsWith($"Market maker: {reason}{Environment.NewLine}Usage: MarketMaker ", stderr);
    }

    [Fact]
    public async Task Help_prints_the_usage_and_exits_0()
    {
        using var timeout = new CancellationTokenSource(Generous);
        using var sample = MarketMakerProcess.Start(["--help"]);

        var exit = await sample.ExitAsync(timeout.Token);

        Assert.Equal(0, exit);
        Assert.StartsWith("Usage: MarketMaker ", sample.Lines[0]);
        Assert.Contains(sample.Lines, l => l.Contains("when output is redirected", StringComparison.Ordinal));
    }
}
