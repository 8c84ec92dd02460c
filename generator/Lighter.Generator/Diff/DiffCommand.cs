using System.Diagnostics.CodeAnalysis;

namespace Lighter.Generator.Diff;

/// <summary>
/// <c>diff OLD NEW</c>: what changes in the generated C# client between two OpenAPI documents, as Markdown (default)
/// or JSON. Exit codes: 0 done, 1 a change <c>--fail-on</c> names is present, 2 bad command line or unreadable file.
/// </summary>
internal static class DiffCommand
{
    public const string Usage = """
          diff OLD NEW [--json] [--out FILE] [--overlay FILE] [--fail-on breaking|any]
              Reports what changes in the generated C# client between two OpenAPI documents, both read through the
              overlay (default: spec/overlay.json above the current folder): added/removed/changed operations,
              parameters, request bodies, responses, models, properties and enum values, each marked breaking or
              additive, and description changes with old and new text. Markdown unless --json; to stdout unless --out.
              Exit codes: 0 done; 1 --fail-on matched (breaking: a breaking change; any: any change); 2 bad
              arguments or an unreadable document.
        """;

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        DiffOptions? options;
        try
        {
            options = DiffOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"Lighter.Generator diff: {e.Message} (see diff --help)");
            return 2;
        }

        if (options is null)
        {
            output.WriteLine(Usage);
            return 0;
        }

        // The overlay first: a broken overlay would otherwise be reported as a broken OLD document.
        if ((options.OverlayPath is not null && !TryRead("overlay", options.OverlayPath, error, () => OpenApi.Overlay.Load(options.OverlayPath)))
            || !TryRead("OLD document", options.OldPath, error, () => ApiSurface.Load(options.OldPath, options.OverlayPath), out var before)
            || !TryRead("NEW document", options.NewPath, error, () => ApiSurface.Load(options.NewPath, options.OverlayPath), out var after))
        {
            return 2;
        }

        var report = DiffReport.Create(before, after, Path.GetFileName(options.OldPath), Path.GetFileName(options.NewPath),
            options.OverlayPath is null ? null : Path.GetFileName(options.OverlayPath));
        var text = options.Json ? JsonReport.Render(report) : MarkdownReport.Render(report);
        if (!Write(options.OutPath, text, output, error))
        {
            return 2;
        }

        if (options.OutPath is not null)
        {
            output.WriteLine($"Lighter.Generator diff: {options.OutPath}: {report.Count(ChangeSeverity.Breaking)} breaking, " +
                             $"{report.Count(ChangeSeverity.Additive)} additive, {report.Count(ChangeSeverity.Description)} description changes");
        }

        return options.FailOn switch
        {
            FailOn.Breaking when report.HasBreakingChanges => 1,
            FailOn.Any when report.Changes.Count > 0 => 1,
            _ => 0,
        };
    }

    private static bool TryRead<T>(string what, string path, TextWriter error, Func<T> read) =>
        TryRead(what, path, error, read, out _);

    /// <summary>Runs <paramref name="read"/>; on failure prints which file could not be read and returns false.</summary>
    private static bool TryRead<T>(string what, string path, TextWriter error, Func<T> read, [NotNullWhen(true)] out T? value)
    {
        try
        {
            value = read()!;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException
                                       or InvalidDataException or InvalidOperationException or InvalidCastException
                                       or NullReferenceException or KeyNotFoundException or FormatException)
        {
            // The reader trusts the document's structure; whatever it trips over, the user needs to know which file it was.
            error.WriteLine($"Lighter.Generator diff: cannot read {what} '{path}': {FirstLine(e.Message)}");
            value = default;
            return false;
        }
    }

    private static bool Write(string? path, string text, TextWriter output, TextWriter error)
    {
        if (path is null)
        {
            output.Write(text);
            return true;
        }

        try
        {
            File.WriteAllText(path, text);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Lighter.Generator diff: cannot write '{path}': {FirstLine(e.Message)}");
            return false;
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].TrimEnd();
}
