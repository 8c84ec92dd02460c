using System.CommandLine;
using Lighter.Cli.Commands;

namespace Lighter.Client.Tests.Streaming;

public sealed class BookCommandTests
{
    [Fact]
    public async Task Until_offset_exits_0_with_the_servers_book_as_the_last_stdout_line()
    {
        await using var server = await ScriptedLighterServer.StartAsync();
        var book = server.Book(4);
        await book.UpdateAsync([("0.5001", "10"), ("0.4999", "3.50")], [("0.5003", "7"), ("0.5010", "1")]);
        var target = book.Offset + 10;
        using var output = new StringWriter();
        using var error = new StringWriter();

        var run = BookCommand.RunAsync(new BookRequest(4, server.Uri, target, Json: false), output, error, CancellationToken.None);
        await server.WaitForSubscribeAsync("order_book/4", connectionId: 0);
        await book.UpdateAsync([("0.5002", "1.25")], [("0.5003", "0")], offsetJump: 4);
        await book.UpdateAsync([("0.4999", "0")], [("0.5004", "2.000")], offsetJump: 4);
        await book.UpdateAsync([("0.4990", "9")], [], offsetJump: 4); // offset now >= target
        var exit = await run.WaitAsync(TestWait.Guard);

        Assert.Equal(0, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var expected =
            $$"""{"market":4,"offset":{{book.Offset}},"bids":[["0.5002","1.25"],["0.5001","10"],["0.4990","9"]],"asks":[["0.5004","2.000"],["0.5010","1"]]}""";
        Assert.Equal(expected, lines[^1]);
        Assert.Single(lines); // without --json stdout holds only the final line; the rest went to stderr
        Assert.Contains("Connected", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_server_exits_3_once_the_connect_timeout_passes_on_the_clock()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens on this port any more
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var request = new BookRequest(0, new Uri($"ws://127.0.0.1:{port}/stream"), 1, Json: false) { ConnectTimeout = TimeSpan.FromSeconds(5) };
        var run = BookCommand.RunAsync(request, output, error, CancellationToken.None, time);
        Assert.False(run.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));
        var exit = await run.WaitAsync(TestWait.Guard);

        Assert.Equal(3, exit);
        Assert.Contains($"No connection to ws://127.0.0.1:{port}/stream within 5 s", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public async Task A_snapshot_already_past_the_offset_ends_at_once_and_json_prints_every_change()
    {
        await using var server = await ScriptedLighterServer.StartAsync();
        var book = server.Book(1);
        await book.UpdateAsync([("99", "1")], [("101", "2")], offsetJump: 50);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var root = new RootCommand { BookCommand.Create() };
        var exit = await root.Parse(["book", "1", "--ws-url", server.Uri.ToString(), "--until-offset", "10", "--json"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error })
            .WaitAsync(TestWait.Guard);

        Assert.True(exit == 0, error.ToString());
        Assert.Equal(
            $$"""{"market":1,"offset":{{book.Offset}},"bids":[["99","1"]],"asks":[["101","2"]]}""",
            output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
    }
}
