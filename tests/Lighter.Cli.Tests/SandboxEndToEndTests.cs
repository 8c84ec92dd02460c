using System.Globalization;
using System.Text.Json;

namespace Lighter.Cli.Tests;

/// <summary>
/// The tool end to end against a started sandbox: an account and API key are registered, <c>order create</c> places a
/// resting ask through the CLI entry point, <c>order list</c> sees it and <c>book</c> shows its price level from the stream.
/// </summary>
public sealed class SandboxEndToEndTests : IAsyncLifetime
{
    private SandboxWithKey _host = null!;

    public async Task InitializeAsync() => _host = await SandboxWithKey.StartAsync(25_000m);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_order_created_from_the_command_line_is_listed_and_shows_in_the_streamed_book()
    {
        var created = await Cli.RunAsync(Order("create", "--market", "0", "--side", "sell", "--size", "0.25", "--price", "3123.45",
            "--client-order-index", "42", "--json"));
        var listed = await Cli.RunAsync(Order("list", "--json"));
        var book = await Cli.RunAsync(["book", "0", "--ws-url", _host.Sandbox.WebSocketUri.ToString(), "--until-offset", "0"]);

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
        "order", verb, "--env", "sandbox", "--base-url", _host.Sandbox.BaseUri.ToString(),
        "--account-index", _host.Account.ToString(CultureInfo.InvariantCulture), "--api-key-index", "3", "--private-key-env", _host.KeyVariable, .. rest,
    ];
}
