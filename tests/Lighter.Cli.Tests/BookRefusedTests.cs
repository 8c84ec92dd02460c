using System.CommandLine;
using Lighter.Testing;

namespace Lighter.Cli.Tests;

/// <summary>
/// Issue 16, item 4: <c>lighter book 999</c> against a server that refuses the market with an error frame exits 1
/// (rejected) with the server's own message on stderr, instead of running forever behind "server error frame".
/// </summary>
public sealed class BookRefusedTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_market_the_server_refuses_exits_1_with_the_servers_message_on_stderr(bool untilOffset)
    {
        await using var sandbox = await LighterSandbox.StartAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] args = untilOffset
            ? ["book", "999", "--ws-url", sandbox.WebSocketUri.ToString(), "--until-offset", "1"]
            : ["book", "999", "--ws-url", sandbox.WebSocketUri.ToString()];

        // Before the fix the command never returned (with or without --until-offset): this wait ran into Guard.
        var exit = await Program.Run(args, new InvocationConfiguration { Output = output, Error = error }).WaitAsync(Guard);

        Assert.True(exit == 1, error.ToString());
        var stderr = error.ToString();
        Assert.Contains("The server refused order_book/999: server error ", stderr, StringComparison.Ordinal);
        Assert.Contains("Failed to subscribe", stderr, StringComparison.Ordinal); // the sandbox's own words
        Assert.Equal(string.Empty, output.ToString()); // no book was printed
    }
}
