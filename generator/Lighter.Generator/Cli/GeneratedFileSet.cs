using System.Text;

namespace Lighter.Generator.Cli;

/// <summary>
/// Writes generated files into the output folder. Unchanged files are not touched (so their timestamps stay
/// and the compiler has nothing new to see), and <c>*.g.cs</c> files no emitter produced any more are deleted —
/// but only in a folder the generator has written before (it holds <see cref="MarkerName"/>), so a mistyped
/// <c>--out</c> never deletes anybody else's files.
/// </summary>
internal static class GeneratedFileSet
{
    public const string MarkerName = ".lighter-generated";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <returns>How many files were written (created or changed) and deleted.</returns>
    public static (int Written, int Deleted) Write(string outputDirectory, IReadOnlyDictionary<string, string> files)
    {
        var root = Path.GetFullPath(outputDirectory);
        var marker = Path.Combine(root, MarkerName);
        var owned = File.Exists(marker);
        Directory.CreateDirectory(root);
        if (!owned)
        {
            File.WriteAllText(marker, "Written by Lighter.Generator: *.g.cs files here that it no longer produces are deleted.\n");
        }

        var written = 0;
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (relative, content) in files)
        {
            var path = Path.GetFullPath(Path.Combine(root, relative));
            keep.Add(path);
            if (File.Exists(path) && File.ReadAllText(path, Utf8NoBom) == content)
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content, Utf8NoBom);
            written++;
        }

        var deleted = 0;
        var stale = owned
            ? Directory.EnumerateFiles(root, "*.g.cs", SearchOption.AllDirectories).Where(f => !keep.Contains(f)).ToList()
            : [];
        foreach (var file in stale)
        {
            File.Delete(file);
            deleted++;
        }

        return (written, deleted);
    }
}
