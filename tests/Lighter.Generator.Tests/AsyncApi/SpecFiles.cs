namespace Lighter.Generator.Tests.AsyncApi;

/// <summary>The AsyncAPI document (beside the clone, through the spec link) and the repository's AsyncAPI overlay.</summary>
internal static class SpecFiles
{
    public static string AsyncApi => Path.Combine(TestPaths.RepoRoot, "spec", "asyncapi.json");

    public static string OpenApi => TestPaths.OpenApi;

    public static string Overlay => Path.Combine(TestPaths.RepoRoot, "spec", "asyncapi.overlay.json");
}
