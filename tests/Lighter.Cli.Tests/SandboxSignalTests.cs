using System.Diagnostics;
using System.Text.Json;

namespace Lighter.Cli.Tests;

/// <summary><c>lighter sandbox</c> as a real process: Ctrl+C (SIGINT) and SIGTERM end it with a summary line and exit 0.</summary>
public sealed class SandboxSignalTests
{
    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_signal_stops_the_sandbox_with_a_summary_and_exit_code_0(string signal)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return; // POSIX signals only

        using var process = Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "lighter.dll"), "sandbox", "--port", "0", "--json", "--faults", "storm:3"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            var started = await process.StandardOutput.ReadLineAsync(timeout.Token);
            Assert.NotNull(started);
            Assert.StartsWith("http://127.0.0.1:", JsonDocument.Parse(started!).RootElement.GetProperty("base_url").GetString());

            using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(timeout.Token);
            }

            var rest = await process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);

            Assert.Equal(0, process.ExitCode);
            Assert.StartsWith("sandbox stopped: 0 transactions executed; storm: ", rest.Trim());
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }
}
