using System.Globalization;

namespace Lighter.Cli.Tests;

/// <summary>Runs alone: it sets <c>LIGHTER_PRIVATE_KEY</c>, the variable the README's commands read.</summary>
[CollectionDefinition(nameof(ReadmeCliCollection), DisableParallelization = true)]
public sealed class ReadmeCliCollection;

/// <summary>
/// Every <c>lighter …</c> command of README.md runs through the tool's in-process entry and exits 0, so a wrong README
/// fails CI. Commands are read at test time from the <c>bash</c> blocks (each block one case, its lines in order against
/// one sandbox, as in a shell session) and from inline code spans in prose and tables (each span one case).
/// </summary>
/// <remarks>
/// Substitution rule, the only differences from what is printed:
/// <list type="bullet">
/// <item>A fresh <c>LighterSandbox</c> on a free loopback port stands in for <c>lighter sandbox</c> on port 8787: its
/// funded account 1 has an API key at index 3, whose private key is put in <c>LIGHTER_PRIVATE_KEY</c> (as the README's
/// <c>export</c> line does); <c>--env sandbox</c> is followed by <c>--base-url</c> (REST commands) or <c>--ws-url</c>
/// (<c>book</c>) of that sandbox, and the literal URLs <c>http://127.0.0.1:8787/</c> and <c>ws://127.0.0.1:8787/stream</c>
/// become its URLs.</item>
/// <item><c>lighter sandbox</c> itself gets <c>--port 0</c>; it and <c>book</c> without <c>--until-offset</c> are stopped
/// (as Ctrl+C would) after their first line of output; <c>--count</c> is capped at 20.</item>
/// <item>Relative paths are resolved from the repository root.</item>
/// </list>
/// </remarks>
[Collection(nameof(ReadmeCliCollection))]
public sealed class ReadmeCliTests
{
    private const int MaxCount = 20;
    private const string ReadmeRest = "http://127.0.0.1:8787/";
    private const string ReadmeWs = "ws://127.0.0.1:8787/stream";

    /// <summary>README line of the case → its commands, one per line.</summary>
    public static TheoryData<int, string> Cases()
    {
        var cases = new TheoryData<int, string>();
        foreach (var block in Readme.Blocks().Where(b => b.Language is "bash" or "sh" or "shell"))
        {
            var commands = block.Text.Split('\n').Where(l => Readme.CliArguments(l) is not null).ToList();
            if (commands.Count > 0) cases.Add(block.Line, string.Join('\n', commands));
        }

        foreach (var span in Readme.Spans().Where(s => Readme.CliArguments(s.Text) is not null))
        {
            cases.Add(span.Line, span.Text);
        }

        return cases;
    }

    [Fact]
    public void The_readme_shows_the_commands_of_every_table_row_and_the_shell_session()
    {
        var commands = Cases().Select(c => (string)c[1]).SelectMany(c => c.Split('\n')).Select(c => string.Join(' ', Readme.CliArguments(c)!.Take(2))).ToHashSet();

        Assert.Superset(
            new HashSet<string> { "sandbox --json", "markets --env", "account 1", "order create", "order list", "book 0", "keys new", "keys public", "auth-token --account-index",
                "conformance ../shared/signer-vectors/oracle/transactions.json", "bench create-order", "bench submit", "--help" },
            commands);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_readme_command_runs_and_exits_0(int line, string commands)
    {
        await using var host = await SandboxWithKey.StartAsync(100_000m);
        Assert.Equal(1, host.Account); // the README's commands trade as account 1
        var previous = Environment.GetEnvironmentVariable("LIGHTER_PRIVATE_KEY");
        Environment.SetEnvironmentVariable("LIGHTER_PRIVATE_KEY", Environment.GetEnvironmentVariable(host.KeyVariable));
        try
        {
            foreach (var command in commands.Split('\n'))
            {
                var args = Substitute(Readme.CliArguments(command)!, host);
                var stop = args[0] == "sandbox" || (args[0] == "book" && !args.Contains("--until-offset"));
                var (exit, output, error) = await Cli.RunBoundedAsync(args, stop, TimeSpan.FromSeconds(120));
                Assert.True(exit == 0, $"README line {line}: `{command}` ran as `lighter {string.Join(' ', args)}` and exited {exit}:\n{output}\n{error}");
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable("LIGHTER_PRIVATE_KEY", previous);
        }
    }

    /// <summary>Applies the substitution rule of the class remarks.</summary>
    private static string[] Substitute(string[] args, SandboxWithKey host)
    {
        var rest = host.Sandbox.BaseUri.ToString();
        var ws = host.Sandbox.WebSocketUri.ToString();
        var result = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i] switch
            {
                ReadmeRest => rest,
                ReadmeWs => ws,
                var a when a.StartsWith("../", StringComparison.Ordinal) || a.StartsWith("./", StringComparison.Ordinal) => Path.GetFullPath(Path.Combine(SharedVectors.RepositoryRoot, a)),
                var a => a,
            };
            if (i > 0 && args[i - 1] == "--count" && int.TryParse(arg, CultureInfo.InvariantCulture, out var count))
            {
                arg = Math.Min(count, MaxCount).ToString(CultureInfo.InvariantCulture);
            }

            result.Add(arg);
            if (i > 0 && args[i - 1] == "--env" && arg == "sandbox")
            {
                result.AddRange(args[0] == "book" ? ["--ws-url", ws] : ["--base-url", rest]);
            }
        }

        if (args.Length > 0 && args[0] == "sandbox") result.AddRange(["--port", "0"]);
        return [.. result];
    }
}
