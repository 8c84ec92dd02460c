using System.CommandLine;
using System.Text.Json;
using Lighter.Signing;

namespace Lighter.Testing.Tests.Integration;

/// <summary>The <c>lighter markets|account|order</c> commands against a sandbox, with their exit codes.</summary>
public sealed class CliCommandTests : IAsyncLifetime
{
    private readonly string _keyVariable = "LIGHTER_TEST_KEY_" + Guid.NewGuid().ToString("N");
    private readonly LighterPrivateKey _key = LighterPrivateKey.Generate();
    private LighterSandbox _sandbox = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await LighterSandbox.StartAsync();
        foreach (var _ in new[] { 1, 2 })
        {
            _sandbox.RegisterApiKey(_sandbox.CreateAccount(50_000m).Index, 3, _key.PublicKey);
        }

        Environment.SetEnvironmentVariable(_keyVariable, "0x" + _key.ExportHex());
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(_keyVariable, null);
        _key.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task Markets_prints_the_exchange_json_with_json()
    {
        var (code, output, _) = await RunAsync("markets", "--json", "--base-url", _sandbox.BaseUri.ToString());

        Assert.Equal(0, code);
        Assert.Equal(4, JsonDocument.Parse(output).RootElement.GetProperty("order_book_details")[0].GetProperty("size_decimals").GetInt32());
    }

    [Fact]
    public async Task Orders_created_from_the_command_line_trade_and_show_up_in_the_account()
    {
        var maker = await RunAsync(Order("create", 1, "--market", "0", "--side", "sell", "--size", "0.5", "--price", "3000", "--client-order-index", "7", "--json"));
        var taker = await RunAsync(Order("create", 2, "--market", "0", "--side", "buy", "--size", "0.2", "--price", "3010", "--type", "market", "--json"));
        var list = await RunAsync(Order("list", 1, "--json"));
        var account = await RunAsync("account", "2", "--json", "--base-url", _sandbox.BaseUri.ToString());

        Assert.Equal((0, 0, 0, 0), (maker.Code, taker.Code, list.Code, account.Code));
        Assert.Equal(80, JsonDocument.Parse(maker.Output).RootElement.GetProperty("tx_hash").GetString()!.Length);
        var open = JsonDocument.Parse(list.Output).RootElement.GetProperty("orders")[0];
        Assert.Equal(("0.3000", 7L), (open.GetProperty("remaining_base_amount").GetString(), open.GetProperty("client_order_index").GetInt64()));
        Assert.Equal("0.2000", JsonDocument.Parse(account.Output).RootElement.GetProperty("accounts")[0].GetProperty("positions")[0]
            .GetProperty("position").GetString());
    }

    [Fact]
    public async Task A_rejected_order_exits_1_with_the_exchange_code_and_an_unreachable_exchange_exits_3()
    {
        var tooFine = await RunAsync(Order("create", 1, "--market", "0", "--side", "buy", "--size", "0.00001", "--price", "3000"));
        var cancelUnknown = await RunAsync(Order("cancel", 1, "--market", "0", "--index", "99"));
        var unreachable = await RunAsync("markets", "--base-url", "http://127.0.0.1:1/");
        var usage = await RunAsync("order", "create", "--market", "0");

        Assert.Equal(1, tooFine.Code);
        Assert.Contains("size 0.00001 has more than 4 decimals", tooFine.Error, StringComparison.Ordinal);
        Assert.Equal(1, cancelUnknown.Code);
        Assert.Contains("code 21600", cancelUnknown.Error, StringComparison.Ordinal);
        Assert.Equal(3, unreachable.Code);
        Assert.Equal(2, usage.Code);
    }

    private string[] Order(string verb, long account, params string[] rest) =>
    [
        "order", verb, "--base-url", _sandbox.BaseUri.ToString(), "--chain-id", _sandbox.ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--account-index", account.ToString(System.Globalization.CultureInfo.InvariantCulture), "--api-key-index", "3",
        "--private-key-env", _keyVariable, .. rest,
    ];

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Lighter.Cli.Program.Run(args, new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
