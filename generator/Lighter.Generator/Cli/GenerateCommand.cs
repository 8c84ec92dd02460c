using Lighter.Generator.OpenApi;

namespace Lighter.Generator.Cli;

/// <summary><c>generate --openapi FILE [--overlay FILE] --out DIR</c>: writes the C# sources.</summary>
internal static class GenerateCommand
{
    /// <summary>Every emitter the command knows. Each one runs when its input option is given.</summary>
    public static readonly IReadOnlyList<ICodeEmitter> Emitters =
    [
        new OpenApiEmitter(),
        new AsyncApi.AsyncApiCodeEmitter(),
    ];

    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var options = Parse(args);
        var outputDirectory = options.Require("out");
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var requested = Emitters.Where(e => e.IsRequested(options)).ToList();
        if (requested.Count == 0)
        {
            throw new ArgumentException("nothing to generate: give --openapi (or another emitter's input)");
        }

        foreach (var emitter in requested)
        {
            var result = emitter.Emit(options);
            foreach (var warning in result.Warnings)
            {
                // MSBuild's Exec task turns this canonical format into a build warning.
                output.WriteLine($"{result.Source}: warning LGEN001: {warning}");
            }

            foreach (var (path, content) in result.Files)
            {
                if (!files.TryAdd(path, content))
                {
                    throw new InvalidOperationException($"two emitters produce {path}");
                }
            }
        }

        var (written, deleted) = GeneratedFileSet.Write(outputDirectory, files);
        output.WriteLine($"Lighter.Generator: {files.Count} files in {outputDirectory} ({written} written, {deleted} deleted)");
        return 0;
    }

    private static GenerateOptions Parse(IReadOnlyList<string> args)
    {
        var known = Emitters.SelectMany(e => e.Options).Append("out").ToHashSet(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = args[i].StartsWith("--", StringComparison.Ordinal) ? args[i][2..] : null;
            if (name is null || !known.Contains(name) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"unexpected argument '{args[i]}' (options: {string.Join(", ", known.Select(k => "--" + k))})");
            }

            values[name] = args[i + 1];
        }

        return new GenerateOptions(values);
    }
}
