using System.Text.Json;

namespace Lighter.Testing.Tests;

/// <summary>Finds the shared folder beside the clone (<c>../shared</c>) and reads the official vectors.</summary>
internal static class SharedFiles
{
    /// <summary>The clone: the folder holding <c>Lighter.Generated.sln</c> (initialized first: Root needs it).</summary>
    public static string RepoRoot { get; } = FindRepo();

    public static string Root { get; } = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static JsonDocument ReadJson(params string[] relative) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine([Root, .. relative])));

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lighter.Generated.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Lighter.Generated.sln not found above " + AppContext.BaseDirectory);
    }
}
