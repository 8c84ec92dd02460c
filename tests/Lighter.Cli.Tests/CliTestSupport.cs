using System.CommandLine;

namespace Lighter.Cli.Tests;

/// <summary>Runs the tool in-process with captured output.</summary>
internal static class Cli
{
    public static async Task<(int Exit, string Output)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Program.Run(args, new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString() + error.ToString());
    }
}

/// <summary>The shared oracle vectors beside the repository (never copied into it).</summary>
internal static class SharedVectors
{
    public static string Oracle { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lighter.Generated.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "signer-vectors", "oracle"));
            }
        }

        throw new DirectoryNotFoundException("Lighter.Generated.sln not found above the test binaries.");
    }
}

/// <summary>A temporary directory removed on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("lighter-cli-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>
/// A started sandbox with one funded account whose API key (index 3) is in a fresh environment variable, as the
/// commands read keys; the variable is cleared and the key disposed at the end.
/// </summary>
internal sealed class SandboxWithKey : IAsyncDisposable
{
    private readonly Lighter.Signing.LighterPrivateKey _key = Lighter.Signing.LighterPrivateKey.Generate();

    private SandboxWithKey(Lighter.Testing.LighterSandbox sandbox, decimal usdc)
    {
        Sandbox = sandbox;
        Account = sandbox.CreateAccount(usdc).Index;
        sandbox.RegisterApiKey(Account, 3, _key.PublicKey);
        Environment.SetEnvironmentVariable(KeyVariable, "0x" + _key.ExportHex());
    }

    public Lighter.Testing.LighterSandbox Sandbox { get; }

    public long Account { get; }

    public string KeyVariable { get; } = "LIGHTER_TEST_KEY_" + Guid.NewGuid().ToString("N");

    public static async Task<SandboxWithKey> StartAsync(decimal usdc) => new(await Lighter.Testing.LighterSandbox.StartAsync(), usdc);

    public async ValueTask DisposeAsync()
    {
        Environment.SetEnvironmentVariable(KeyVariable, null);
        _key.Dispose();
        await Sandbox.DisposeAsync();
    }
}
