namespace Lighter.Testing.Tests.Wire;

public sealed class SandboxOptionsTests
{
    [Fact]
    public async Task Bad_options_are_rejected_naming_the_option()
    {
        var duplicate = await Assert.ThrowsAsync<ArgumentException>(() => LighterSandbox.StartAsync(new LighterSandboxOptions
        {
            Markets = [SandboxMarket.Eth, SandboxMarket.Eth with { Symbol = "ETH2" }],
        }));
        var port = await Assert.ThrowsAnyAsync<ArgumentException>(() => LighterSandbox.StartAsync(new LighterSandboxOptions { Port = -1 }));
        var market = await Assert.ThrowsAsync<ArgumentException>(() => LighterSandbox.StartAsync(new LighterSandboxOptions
        {
            Markets = [new SandboxMarket(300, "BAD", 4, 2, 0.01m, 10m)],
        }));

        Assert.Contains("options.Markets", duplicate.Message, StringComparison.Ordinal);
        Assert.Contains("options.Port", port.Message, StringComparison.Ordinal);
        Assert.Contains("market 300", market.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_in_use_fails_the_start_and_leaves_the_first_sandbox_serving()
    {
        await using var first = await LighterSandbox.StartAsync();

        await Assert.ThrowsAnyAsync<IOException>(() => LighterSandbox.StartAsync(new LighterSandboxOptions { Port = first.BaseUri.Port }));

        using var http = new HttpClient { BaseAddress = first.BaseUri };
        Assert.True((await http.GetAsync("api/v1/currentHeight")).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Custom_markets_and_chain_id_are_served()
    {
        await using var sandbox = await LighterSandbox.StartAsync(new LighterSandboxOptions
        {
            ChainId = 300,
            Markets = [new SandboxMarket(2048, "ETH/USDC", 4, 2, 0.0010m, 1m)],
        });
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };

        var body = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("api/v1/orderBookDetails")).RootElement;

        Assert.Equal(300u, sandbox.ChainId);
        Assert.Empty(body.GetProperty("order_book_details").EnumerateArray());
        Assert.Equal("spot", body.GetProperty("spot_order_book_details")[0].GetProperty("market_type").GetString());
    }
}
