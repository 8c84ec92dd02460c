using Spectre.Console;

namespace Lighter.Cli.Commands;

/// <summary>
/// The console tables are written to. On a terminal, tables fit its width (Spectre wraps cells). Anywhere else (a
/// pipe, a file, a test's writer) rows are never wrapped: ids, keys and hashes must survive <c>| cat</c>, <c>grep</c>
/// and copy-paste whole, so the width is set beyond any row's.
/// </summary>
internal static class CliConsole
{
    /// <summary>The width used when the output is not a terminal: wider than any row the commands print.</summary>
    internal const int UnwrappedWidth = 16_384;

    /// <summary>A console writing to <paramref name="output"/>.</summary>
    public static IAnsiConsole Create(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        if (!IsTerminal(output))
        {
            console.Profile.Width = UnwrappedWidth;
        }

        return console;
    }

    private static bool IsTerminal(TextWriter output) => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
}
