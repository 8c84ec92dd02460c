using System.Text.Json;

namespace Lighter.Testing.Tests;

/// <summary>Finds the shared folder beside the clone (<c>../shared</c>) and reads the official vectors.</summary>
internal static class SharedFiles
{
    public static string Root { get; } = FindShared();

    public static JsonDocument ReadJson(params string[] relative) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine([Root, .. relative])));

    private static string FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lighter.Generated.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
            }
        }

        throw new DirectoryNotFoundException("Lighter.Generated.sln not found above " + AppContext.BaseDirectory);
    }
}
