using System.Globalization;
using System.Text.Json;
using Lighter.Signing;
using Lighter.Testing;

namespace Lighter.Cli.Tests;

/// <summary>
/// The tool end to end against a started sandbox: an account and API key are registered, <c>order create</c> places a
/// resting ask through the CLI entry point, <c>order list</c> sees it and <c>book</c> shows its price level from the stream.
/// </summary>
public sealed class SandboxEndToEndTests : IAsyncLifetime
{
    private readonly string _keyVariable = "LIGHTER_E2E_KEY_" + Guid.NewGuid().ToString("N");
    private readonly LighterPrivateKey _key = LighterPrivateKey.Generate();
    private LighterSandbox _sandbox = null!;
    private long _account;

    public async Task InitializeAsync()
    {
        _sandbox = await LighterSandbox.StartAsync();
        _account = _sandbox.CreateAccount(25_000m).Index;
        _sandbox.RegisterApiKey(_account, 3, _key.PublicKey);
        Environment.SetEnvironmentVariable(_keyVariable, "0x" + _key.ExportHex());
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(_keyVariable, null);
        _key.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task An_order_created_from_the_command_line_is_listed_and_shows_in_the_streamed_book()
    {
        var created = await Cli.RunAsync(Order("create", "--market", "0", "--side", "sell", "--size", "0.25", "--price", "3123.45",
            "--client-order-index", "42", "--json"));
        var listed = await Cli.RunAsync(Order("list", "--json"));
        var book = await Cli.RunAsync(["book", "0", "--ws-url", _sandbox.WebSocketUri.ToString(), "--until-offset", "0"]);

        Assert.True(created.Exit == 0, created.Output);
        Assert.Equal(80, JsonDocument.Parse(created.Output).RootElement.GetProperty("tx_hash").GetString()!.Length);
        Assert.True(listed.Exit == 0, listed.Output);
        var order = Assert.Single(JsonDocument.Parse(listed.Output).RootElement.GetProperty("orders").EnumerateArray());
        Assert.Equal((42L, "3123.45", "0.2500"), (order.GetProperty("client_order_index").GetInt64(), order.GetProperty("price").GetString(),
            order.GetProperty("remaining_base_amount").GetString()));
        Assert.True(book.Exit == 0, book.Output);
        var line = JsonDocument.Parse(book.Output.Split('\n').Last(l => l.StartsWith('{'))).RootElement;
        var ask = Assert.Single(line.GetProperty("asks").EnumerateArray());
        Assert.Equal(("3123.45", "0.2500"), (ask[0].GetString(), ask[1].GetString()));
        Assert.Empty(line.GetProperty("bids").EnumerateArray());
    }

    private string[] Order(string verb, params string[] rest) =>
    [
        "order", verb, "--env", "sandbox", "--base-url", _sandbox.BaseUri.ToString(),
        "--account-index", _account.ToString(CultureInfo.InvariantCulture), "--api-key-index", "3", "--private-key-env", _keyVariable, .. rest,
    ];
}
