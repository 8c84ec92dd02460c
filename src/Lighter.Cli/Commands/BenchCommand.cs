using System.CommandLine;

namespace Lighter.Cli.Commands;

/// <summary><c>lighter bench …</c>: a parent for the benchmark subcommands.</summary>
internal static class BenchCommand
{
    /// <summary>Creates <c>bench</c> holding <paramref name="subcommands"/> (add new ones in Program.cs).</summary>
    public static Command Create(params Command[] subcommands)
    {
        var bench = new Command("bench", "Quick throughput measurements (one JSON line per run).");
        foreach (var subcommand in subcommands)
        {
            bench.Add(subcommand);
        }

        return bench;
    }
}
