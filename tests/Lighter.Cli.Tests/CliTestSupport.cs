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

    /// <summary>
    /// Runs a command and, when <paramref name="stopAfterFirstLine"/>, cancels it (as Ctrl+C would) once it has printed
    /// its first stdout line; fails if it has not finished within <paramref name="timeout"/>.
    /// </summary>
    public static async Task<(int Exit, string Output, string Error)> RunBoundedAsync(string[] args, bool stopAfterFirstLine, TimeSpan timeout)
    {
        using var output = new WatchedWriter();
        using var error = new WatchedWriter();
        using var stop = new CancellationTokenSource();
        var run = Program.Run(args, new InvocationConfiguration { Output = output, Error = error }, cancellationToken: stop.Token);
        if (stopAfterFirstLine)
        {
            var first = await Task.WhenAny(run, output.FirstLine).WaitAsync(timeout);
            if (first != run) await stop.CancelAsync();
        }

        var exit = await run.WaitAsync(timeout);
        return (exit, output.ToString(), error.ToString());
    }
}

/// <summary>The repository root and the shared oracle vectors beside it (never copied into it).</summary>
internal static class SharedVectors
{
    public static string RepositoryRoot { get; } = Find();

    public static string Oracle { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "signer-vectors", "oracle"));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lighter.Generated.sln")))
            {
                return dir.FullName;
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
