namespace Lighter.Cli.Tests;

/// <summary>Each exchange-facing command shows the environment options it uses, and no others.</summary>
public class EnvOptionTests
{
    [Theory]
    [InlineData("markets", "--env --base-url --json", "--ws-url --chain-id")]
    [InlineData("account", "--env --base-url --json", "--ws-url --chain-id")]
    [InlineData("order create", "--env --base-url --chain-id --json", "--ws-url")]
    [InlineData("order list", "--env --base-url --chain-id --json", "--ws-url")]
    [InlineData("book", "--env --ws-url --json", "--base-url --chain-id")]
    public async Task Help_lists_exactly_the_options_the_command_uses(string command, string shown, string hidden)
    {
        var (exit, help) = await Cli.RunAsync([.. command.Split(' '), "--help"]);

        Assert.Equal(0, exit);
        Assert.All(shown.Split(' '), option => Assert.Contains(option + " ", help, StringComparison.Ordinal));
        Assert.All(hidden.Split(' '), option => Assert.DoesNotContain(option, help, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--env", "moon")]
    [InlineData("--ws-url", "http://127.0.0.1:1/")]
    public async Task Book_refuses_an_unknown_environment_or_a_non_websocket_url_as_a_usage_error(string option, string value)
    {
        var (exit, output) = await Cli.RunAsync(["book", "0", option, value]);

        Assert.Equal(2, exit);
        Assert.Contains(option, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Book_with_env_sandbox_and_a_ws_url_reads_the_sandbox_book()
    {
        await using var host = await SandboxWithKey.StartAsync(1_000m);

        var (exit, output) = await Cli.RunAsync(["book", "0", "--env", "sandbox", "--ws-url", host.Sandbox.WebSocketUri.ToString(), "--until-offset", "0"]);

        Assert.True(exit == 0, output);
        Assert.Contains("{\"market\":0,", output, StringComparison.Ordinal);
    }
}
