namespace Lighter.Generator.Tests.AsyncApi;

/// <summary>Locates the shared spec (beside the clone) and the repository's overlay at test time.</summary>
internal static class SpecFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lighter.Generated.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Lighter.Generated.sln not found above " + AppContext.BaseDirectory);
    });

    public static string AsyncApi => Path.Combine(Root.Value, "..", "shared", "lighter-spec", "asyncapi.json");

    public static string OpenApi => Path.Combine(Root.Value, "..", "shared", "lighter-spec", "openapi.json");

    public static string Overlay => Path.Combine(Root.Value, "spec", "asyncapi.overlay.json");
}
