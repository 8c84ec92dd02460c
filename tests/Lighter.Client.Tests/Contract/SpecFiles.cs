namespace Lighter.Client.Tests.Contract;

/// <summary>The API documents the build generates from (<c>spec/</c>, links into the shared folder; never copied).</summary>
internal static class SpecFiles
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string OpenApi => Path.Combine(RepoRoot, "spec", "openapi.json");

    public static string AsyncApi => Path.Combine(RepoRoot, "spec", "asyncapi.json");

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
