namespace Lighter.Generator.Diff;

/// <summary>When <c>diff</c> exits with 1.</summary>
internal enum FailOn
{
    Never,
    Breaking,
    Any,
}

/// <summary>The parsed command line of <c>diff OLD NEW [--json] [--out FILE] [--overlay FILE] [--fail-on breaking|any]</c>.</summary>
internal sealed record DiffOptions(string OldPath, string NewPath, string? OverlayPath, bool Json, string? OutPath, FailOn FailOn)
{
    /// <summary>Parses the arguments after <c>diff</c>; null means help was asked for.</summary>
    /// <exception cref="ArgumentException">A bad command line (the message is one line).</exception>
    public static DiffOptions? Parse(IReadOnlyList<string> args)
    {
        var files = new List<string>();
        string? overlay = null;
        string? output = null;
        var json = false;
        var failOn = FailOn.Never;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--help" or "-h":
                    return null;
                case "--json":
                    json = true;
                    break;
                case "--out":
                    output = Value();
                    break;
                case "--overlay":
                    overlay = Value();
                    break;
                case "--fail-on":
                    failOn = Value() switch
                    {
                        "breaking" => FailOn.Breaking,
                        "any" => FailOn.Any,
                        var v => throw new ArgumentException($"--fail-on takes 'breaking' or 'any', not '{v}'"),
                    };
                    break;
                case var a when a.StartsWith('-') && a.Length > 1:
                    throw new ArgumentException($"unknown option '{a}'");
                default:
                    files.Add(args[i]);
                    break;
            }
        }

        return files.Count == 2
            ? new DiffOptions(files[0], files[1], overlay ?? FindDefaultOverlay(), json, output, failOn)
            : throw new ArgumentException($"expected two documents (OLD NEW), got {files.Count}");
    }

    /// <summary>The overlay the build uses: <c>spec/overlay.json</c> above the current folder or above the tool.</summary>
    private static string? FindDefaultOverlay()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "spec", "overlay.json");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
