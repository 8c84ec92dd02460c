using System.CommandLine;

namespace Lighter.Cli.Commands;

/// <summary><c>lighter conformance FILE...</c>: recomputes every signer vector with this SDK and compares.</summary>
internal static class ConformanceCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files")
        {
            Description = "Vector files in the format of signer-vectors/oracle (kind recognised by content).",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command(
            "conformance",
            "Recompute every vector (keys, pre-images, hashes, tx_info, fixed-k and L1 signatures, signature " +
            "verification, rejection of invalid inputs) and print PASS/FAIL per vector. A file that cannot be used " +
            $"(missing, a directory, larger than {ConformanceFile.MaxBytesText}, not JSON, not a known vector format) " +
            "is one FAIL line naming it. Exit code 0 only if all passed.")
        {
            files,
        };
        command.SetAction(parse => Run(parse.GetRequiredValue(files), parse.InvocationConfiguration.Output));
        return command;
    }

    /// <summary>Runs the vectors of <paramref name="files"/>; returns 0 only if none failed.</summary>
    public static int Run(IReadOnlyList<FileInfo> files, TextWriter output)
    {
        var report = new ConformanceReport(output);
        var context = ConformanceContext.Load(files);
        foreach (var file in files)
        {
            ConformanceRunner.RunFile(file, context, report);
        }

        output.WriteLine($"{report.Passed} passed, {report.Failed} failed");
        return report.Failed == 0 ? 0 : 1;
    }
}
