using System.CommandLine;
using Lighter.Cli.Commands;

namespace Lighter.Cli;

/// <summary>The <c>lighter</c> tool: assembles the commands; each lives in <c>Commands/</c>.</summary>
public static class Program
{
    /// <summary>Exit-code table shown in <c>--help</c>.</summary>
    internal const string ExitCodes =
        "Exit codes: 0 = success; 1 = a check failed (e.g. a conformance vector) or an input was rejected; " +
        "2 = usage error (unknown command or option, missing argument); 3 = server unreachable (bench submit).";

    /// <summary>Runs the tool.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>The process exit code (see <see cref="ExitCodes"/>).</returns>
    /// <remarks>
    /// <c>LIGHTER_*</c> variables not set in the environment are read from a <c>.env</c> file in the working directory
    /// first (<see cref="DotEnvFile"/>). System.CommandLine's own Ctrl+C handling is off: it would end the process with 130 even when a command stops
    /// cleanly. Long-running commands listen for SIGINT/SIGTERM themselves (<see cref="Commands.TerminationSignals"/>).
    /// </remarks>
    public static async Task<int> Main(string[] args)
    {
        try
        {
            DotEnvFile.Load(Environment.CurrentDirectory);
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return 2;
        }

        return await Run(args, new InvocationConfiguration { ProcessTerminationTimeout = null }).ConfigureAwait(false);
    }

    /// <summary>Parses and runs <paramref name="args"/> with the given output streams (used by tests in-process).</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="configuration">Output and error streams.</param>
    /// <param name="timeProvider">The clock network commands wait on (retry delays); the system clock by default.</param>
    /// <param name="cancellationToken">Stops the command as Ctrl+C would (long-running commands end cleanly).</param>
    internal static async Task<int> Run(string[] args, InvocationConfiguration configuration, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        var parse = CreateRootCommand(timeProvider ?? TimeProvider.System).Parse(args);
        if (parse.Errors.Count > 0)
        {
            await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
            return 2;
        }

        return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The root command with every subcommand.</summary>
    internal static RootCommand CreateRootCommand(TimeProvider timeProvider) => new("Lighter (zkLighter) SDK tool.\n\n" + ExitCodes)
    {
        ConformanceCommand.Create(),
        BenchCommand.Create(BenchCreateOrderCommand.Create(), BenchSubmitCommand.Create(timeProvider)),
        KeysCommand.Create(),
        AuthTokenCommand.Create(),
        SandboxCommand.Create(),
        MarketsCommand.Create(),
        AccountCommand.Create(),
        OrderCommand.Create(),
        BookCommand.Create(),
    };
}
