namespace Lighter.Generator.Tests;

/// <summary>Locates the repository and the shared spec folder beside it (never copied into the repo).</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string OpenApi => Path.Combine(RepoRoot, "spec", "openapi.json");

    public static string Overlay => Path.Combine(RepoRoot, "spec", "overlay.json");

    public static string HistoryOpenApi => Path.Combine(Shared, "lighter-spec", "history", "openapi-0701ab4.json");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lighter.Generated.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Lighter.Generated.sln not found above " + AppContext.BaseDirectory);
    }
}
