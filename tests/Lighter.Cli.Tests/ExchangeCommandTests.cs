using System.Text.Json;

namespace Lighter.Cli.Tests;

/// <summary>
/// <c>markets</c>, <c>account</c> and <c>order list</c> over the generated interfaces: <c>--json</c> is the generated
/// model written with the client's serializer (wire names, exact decimal strings), a refusal is exit 1 with the
/// exchange's answer, an unreachable exchange exit 3.
/// </summary>
public sealed class ExchangeCommandTests : IAsyncLifetime
{
    private SandboxWithKey _host = null!;

    public async Task InitializeAsync() => _host = await SandboxWithKey.StartAsync(12_345.5m);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Markets_json_keeps_the_wire_names_and_the_exact_decimal_strings()
    {
        var (exit, output) = await Cli.RunAsync(["markets", "--json", "--base-url", Rest]);

        Assert.Equal(0, exit);
        var eth = JsonDocument.Parse(output).RootElement.GetProperty("order_book_details").EnumerateArray().Single(m => m.GetProperty("symbol").GetString() == "ETH");
        Assert.Equal(("perp", "0.0050", 4), (eth.GetProperty("market_type").GetString(), eth.GetProperty("min_base_amount").GetString(), eth.GetProperty("size_decimals").GetInt32()));
    }

    [Fact]
    public async Task Account_shows_the_collateral_in_its_table_and_its_json()
    {
        var account = _host.Account.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var table = await Cli.RunAsync(["account", account, "--base-url", Rest]);
        var json = await Cli.RunAsync(["account", account, "--base-url", Rest, "--json"]);

        Assert.Equal((0, 0), (table.Exit, json.Exit));
        Assert.Matches($@"│\s*{account}\s*│\s*0x[0-9a-f]{{40}}\s*│\s*12345\.5", table.Output);
        var parsed = JsonDocument.Parse(json.Output).RootElement.GetProperty("accounts")[0];
        Assert.Equal(_host.Account, parsed.GetProperty("index").GetInt64());
        Assert.Equal(12_345.5m, decimal.Parse(parsed.GetProperty("collateral").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_unknown_account_is_refused_with_exit_1_and_the_exchange_answer()
    {
        var (exit, output) = await Cli.RunAsync(["account", "424242", "--base-url", Rest]);

        Assert.Equal(1, exit);
        Assert.StartsWith("error: the exchange rejected the request: ", output, StringComparison.Ordinal);
        Assert.Contains("'account'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Order_list_without_a_key_for_the_account_is_refused_by_the_exchange()
    {
        // The key in the variable belongs to API key 3; signing the auth token as key 4 makes the exchange refuse it.
        var (exit, output) = await Cli.RunAsync(["order", "list", "--base-url", Rest, "--account-index", _host.Account.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--api-key-index", "4", "--private-key-env", _host.KeyVariable]);

        Assert.Equal(1, exit);
        Assert.Contains("the exchange rejected the request", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("markets")]
    [InlineData("account", "1")]
    public async Task An_unreachable_exchange_is_exit_3(params string[] command)
    {
        var (exit, output) = await Cli.RunAsync([.. command, "--base-url", "http://127.0.0.1:1/"]);

        Assert.Equal(3, exit);
        Assert.StartsWith("error: cannot reach the exchange: ", output, StringComparison.Ordinal);
    }

    private string Rest => _host.Sandbox.BaseUri.ToString();
}
