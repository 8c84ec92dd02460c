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

        // Each file is read once (a FIFO cannot be read twice); the keys context comes from the loaded documents.
        var loaded = files.Select(f => (File: f, Document: ConformanceFile.TryLoad(f.FullName, out var error), Error: error)).ToList();
        try
        {
            var context = ConformanceContext.Load(loaded.Select(l => (l.File, l.Document)));
            foreach (var (file, document, error) in loaded)
            {
                ConformanceRunner.RunFile(file, document, error, context, report);
            }
        }
        finally
        {
            foreach (var l in loaded)
            {
                l.Document?.Dispose();
            }
        }

        output.WriteLine($"{report.Passed} passed, {report.Failed} failed");
        return report.Failed == 0 ? 0 : 1;
    }
}
