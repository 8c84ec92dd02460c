using System.Diagnostics;

namespace Lighter.Signing.Tests.PublicApi;

/// <summary>
/// The public API baseline is enforced by the build: a copy of Lighter.Signing (with the repository's build files)
/// gains one public type that PublicAPI.*.txt does not list, and <c>dotnet build</c> fails with RS0016.
/// </summary>
[Trait("Category", "Build")]
public sealed class PublicApiBaselineTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lighter-publicapi-").FullName;

    [Fact]
    public async Task An_unrecorded_public_type_fails_the_build_with_RS0016()
    {
        var repo = RepoRoot();
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig", "README.md" })
        {
            File.Copy(Path.Combine(repo, file), Path.Combine(_root, file));
        }

        var project = Path.Combine(_root, "src", "Lighter.Signing");
        CopyDirectory(Path.Combine(repo, "src", "Lighter.Signing"), project);
        await File.WriteAllTextAsync(Path.Combine(project, "Unrecorded.cs"), """
            namespace Lighter.Signing;

            /// <summary>A public type nobody added to PublicAPI.Unshipped.txt.</summary>
            public static class Unrecorded
            {
                /// <summary>Does nothing.</summary>
                public static void Method()
                {
                }
            }
            """);

        var (exitCode, output) = await BuildAsync(project);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("RS0016", output, StringComparison.Ordinal);
        Assert.Contains("Lighter.Signing.Unrecorded.Method()", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static async Task<(int ExitCode, string Output)> BuildAsync(string project)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Not a git clone: versioning from tags has nothing to read here.
        foreach (var arg in (string[])["build", "-c", "Release", "-p:MinVerSkip=true", "-nodeReuse:false", "-v:q"])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal)) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lighter.Generated.sln"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException("Lighter.Generated.sln not found above " + AppContext.BaseDirectory);
    }
}
