using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Lighter.Cli.Tests;

/// <summary>
/// Tables printed anywhere but a terminal are never wrapped: one line per row, ids and keys whole (what
/// <c>lighter markets | cat</c> sees), in-process and from the real tool with its stdout redirected to a pipe.
/// </summary>
public sealed partial class TableOutputTests : IAsyncLifetime
{
    private SandboxWithKey _host = null!;

    public async Task InitializeAsync() => _host = await SandboxWithKey.StartAsync(10_000m);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Markets_piped_through_a_real_process_prints_one_line_per_market()
    {
        var markets = await MarketIdsAsync();
        using var process = Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "lighter.dll"), "markets", "--base-url", _host.Sandbox.BaseUri.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(0, process.ExitCode);
        AssertOneLinePerRow(output, markets);
    }

    [Fact]
    public async Task Markets_in_process_prints_one_line_per_market()
    {
        var markets = await MarketIdsAsync();
        var (exit, output) = await Cli.RunAsync(["markets", "--base-url", _host.Sandbox.BaseUri.ToString()]);

        Assert.Equal(0, exit);
        AssertOneLinePerRow(output, markets);
    }

    [Fact]
    public async Task The_sandbox_table_keeps_every_key_whole_on_its_account_row()
    {
        var (exit, output, _) = await Cli.RunBoundedAsync(["sandbox", "--port", "0", "--accounts", "3"], stopAfterFirstLine: true, TimeSpan.FromSeconds(60));

        Assert.Equal(0, exit);
        var rows = output.Split('\n').Where(l => KeyPair().IsMatch(l)).ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, row => Assert.Matches(@"│\s*\d+\s*│\s*3\s*│\s*0x[0-9a-f]{80}\s*│\s*[0-9a-f]{80}\s*│", row));
    }

    /// <summary>Every table line is a border or a row, and there is exactly one row per market plus the header.</summary>
    private static void AssertOneLinePerRow(string output, IReadOnlyList<(int Id, string Symbol)> markets)
    {
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.TrimStart().StartsWith('│')).ToList();
        Assert.Equal(markets.Count + 1, rows.Count);
        foreach (var (id, symbol) in markets)
        {
            Assert.Single(rows, r => Regex.IsMatch(r, $@"^\s*│\s*{id}\s*│\s*{Regex.Escape(symbol)}\s*│"));
        }
    }

    private async Task<List<(int Id, string Symbol)>> MarketIdsAsync()
    {
        var (exit, json) = await Cli.RunAsync(["markets", "--json", "--base-url", _host.Sandbox.BaseUri.ToString()]);
        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(json);
        var markets = new[] { "order_book_details", "spot_order_book_details" }
            .SelectMany(list => document.RootElement.GetProperty(list).EnumerateArray())
            .Select(m => (m.GetProperty("market_id").GetInt32(), m.GetProperty("symbol").GetString()!))
            .ToList();
        Assert.NotEmpty(markets);
        return markets;
    }

    [GeneratedRegex("0x[0-9a-f]{80}")]
    private static partial Regex KeyPair();
}
