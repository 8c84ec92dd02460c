using System.Diagnostics;
using System.Globalization;

namespace Lighter.Testing.Tests.Integration;

/// <summary>
/// The built MarketMaker sample (copied beside the tests by the project reference) as a child process with redirected
/// output, so it runs exactly as a user's <c>dotnet run</c> does when piped: plain lines instead of the live table.
/// </summary>
internal sealed class MarketMakerProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;
    private readonly List<string> _lines = [];

    private MarketMakerProcess(Process process)
    {
        _process = process;
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Lines read from stdout so far.</summary>
    public IReadOnlyList<string> Lines => _lines;

    public int Id => _process.Id;

    /// <summary>Starts the sample with <paramref name="args"/>; no <c>LIGHTER_*</c> variable of the test run reaches it except <paramref name="environment"/>.</summary>
    public static MarketMakerProcess Start(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "MarketMaker.dll");
        // A process started with SIGINT ignored (e.g. a background job of a non-interactive shell) passes that on, and
        // .NET keeps an inherited ignore; GNU env restores the default so the sample sees the SIGINT the test sends.
        var info = SigIntIgnoredHere()
            ? new ProcessStartInfo("env", ["--default-signal=INT", "dotnet", dll, .. args])
            : new ProcessStartInfo("dotnet", [dll, .. args]);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.RedirectStandardInput = true;
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("LIGHTER_", StringComparison.Ordinal)).ToList())
            info.Environment.Remove(name);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        return new MarketMakerProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start."));
    }

    /// <summary>Reads stdout until a line starts with <paramref name="prefix"/>; fails if the output ends first.</summary>
    public async Task<string> WaitForLineAsync(string prefix, CancellationToken cancellationToken)
    {
        try
        {
            while (await _process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
            {
                _lines.Add(line);
                if (line.StartsWith(prefix, StringComparison.Ordinal)) return line;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The sample printed no '{prefix}' line in time; its last line: '{_lines.LastOrDefault()}'.");
        }
        throw new InvalidOperationException($"The sample ended without a '{prefix}' line (exit {await ExitAsync(cancellationToken)}, stderr: {await _stderr}).");
    }

    /// <summary>Sends a POSIX signal with kill(1).</summary>
    public async Task SignalAsync(string signal, CancellationToken cancellationToken)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(cancellationToken);
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Reads the rest of stdout and waits for the exit; returns the exit code.</summary>
    public async Task<int> ExitAsync(CancellationToken cancellationToken)
    {
        try
        {
            var rest = await _process.StandardOutput.ReadToEndAsync(cancellationToken);
            _lines.AddRange(rest.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            await _process.WaitForExitAsync(cancellationToken);
            return _process.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The sample did not exit in time; its last line: '{_lines.LastOrDefault()}'.");
        }
    }

    public Task<string> StandardErrorAsync() => _stderr;

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    /// <summary>Whether this process ignores SIGINT (Linux: bit 2 of SigIgn in /proc/self/status); children inherit that.</summary>
    private static bool SigIntIgnoredHere()
    {
        if (!OperatingSystem.IsLinux()) return false;
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (ulong.Parse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) & 0b10) != 0;
    }
}
