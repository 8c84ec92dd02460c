using System.Diagnostics;

namespace Lighter.Generator.Tests.Regeneration;

/// <summary>
/// A temp folder with a copy of the OpenAPI document behind a relative symbolic link, and a project that imports
/// <c>Lighter.Client.Generation.targets</c> and runs only its generation target. Everything it writes (obj/, the
/// generated files) stays in the temp folder; the generator project is only asked for its path, never rebuilt.
/// </summary>
internal sealed class GenerationProbe : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(2);
    private readonly string _root = Directory.CreateTempSubdirectory("lighter-regen-").FullName;

    public GenerationProbe()
    {
        Directory.CreateDirectory(Path.Combine(_root, "upstream"));
        File.Copy(TestPaths.OpenApi, Document);
        File.CreateSymbolicLink(Link, Path.Combine("upstream", "openapi.json"));
        var targets = Path.Combine(TestPaths.RepoRoot, "src", "Lighter.Client", "build", "Lighter.Client.Generation.targets");
        File.WriteAllText(Path.Combine(_root, "probe.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <RepoRoot>{TestPaths.RepoRoot}/</RepoRoot>
              </PropertyGroup>
              <Import Project="{targets}" />
            </Project>
            """);
    }

    /// <summary>The document itself (what the link points at).</summary>
    public string Document => Path.Combine(_root, "upstream", "openapi.json");

    /// <summary>The link passed as <c>LighterOpenApiPath</c>, like <c>spec/openapi.json</c>.</summary>
    public string Link => Path.Combine(_root, "openapi.json");

    private string GeneratedDirectory => Path.Combine(_root, "obj", Configuration, "net10.0", "Generated");

    public bool GeneratedTextContains(string text) =>
        Directory.Exists(GeneratedDirectory)
        && Directory.EnumerateFiles(GeneratedDirectory, "*.g.cs", SearchOption.AllDirectories)
            .Any(f => File.ReadAllText(f).Contains(text, StringComparison.Ordinal));

    /// <summary>Runs the generation target with a normal-verbosity log and returns that log (fails on a build error).</summary>
    public async Task<string> BuildAsync()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in (string[])["msbuild", "probe.csproj", "-restore", "-p:RestoreRecursive=false",
                     "-t:LighterGenerateSources", "-p:BuildProjectReferences=false", $"-p:Configuration={Configuration}",
                     $"-p:LighterOpenApiPath={Link}", "-v:n", "-nodeReuse:false", "-nologo"])
        {
            start.ArgumentList.Add(arg);
        }

        // The test host runs under an SDK build; its MSBuild variables must not steer the child build.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(BuildTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet msbuild did not finish within {BuildTimeout}");
        }

        var log = await output + await error;
        Assert.True(process.ExitCode == 0, $"dotnet msbuild exited with {process.ExitCode}:\n{log}");
        return log;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
