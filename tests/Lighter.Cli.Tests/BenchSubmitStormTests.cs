using System.Globalization;
using System.Text.Json;
using Lighter.Testing.Faults;

namespace Lighter.Cli.Tests;

/// <summary>
/// <c>lighter bench submit</c> against a sandbox under a fault storm (20 % 429, 20 % 5xx, half of those executed
/// first): every order is reported accepted, and the sandbox's own count and nonces agree.
/// </summary>
public sealed class BenchSubmitStormTests : IAsyncLifetime
{
    private const int Orders = 400;
    private SandboxWithKey _host = null!;

    public async Task InitializeAsync() => _host = await SandboxWithKey.StartAsync(10_000_000m);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Every_order_is_accepted_once_and_the_sandbox_count_agrees()
    {
        _host.Sandbox.Faults.StartStorm(new SandboxStorm { Seed = 11, RateLimitShare = 0.2, ServerErrorShare = 0.2, MaxDelay = TimeSpan.FromMilliseconds(5) });

        var (exit, output) = await Cli.RunAsync(
        [
            "bench", "submit", "--base-url", _host.Sandbox.BaseUri.ToString(), "--account-index", _host.Account.ToString(CultureInfo.InvariantCulture),
            "--api-key-index", "3", "--count", Orders.ToString(CultureInfo.InvariantCulture), "--concurrency", "8",
            "--chain-id", _host.Sandbox.ChainId.ToString(CultureInfo.InvariantCulture), "--key-variable", _host.KeyVariable,
        ]);
        var stats = _host.Sandbox.Faults.StormStats!;
        _host.Sandbox.Faults.StopStorm();

        Assert.True(exit == 0, output);
        var line = JsonDocument.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]).RootElement;
        Assert.Equal(Orders, line.GetProperty("accepted").GetInt32());
        Assert.Equal(0, line.GetProperty("failed").GetInt32());
        Assert.Equal(Orders, line.GetProperty("next_nonce_end").GetInt64() - line.GetProperty("next_nonce_start").GetInt64());
        var held = _host.Sandbox.GetTransactions(_host.Account);
        Assert.Equal(Enumerable.Range(0, Orders).Select(i => (long)i), held.Select(t => t.Nonce).Order());
        Assert.True(stats.AppliedThenServerErrors > 0 && stats.RateLimited > 0, "the storm injected nothing");
        var resolved = line.GetProperty("resent").GetInt32() + line.GetProperty("found_by_hash").GetInt32() + line.GetProperty("found_by_nonce").GetInt32();
        Assert.True(resolved > 0, "no submission needed a resend or a look-up: " + output);
        Assert.Equal(0, line.GetProperty("released").GetInt32());
    }
}
