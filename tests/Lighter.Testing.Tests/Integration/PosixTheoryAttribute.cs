namespace Lighter.Testing.Tests.Integration;

/// <summary>A theory that needs POSIX signals sent with kill(1): skipped, with the reason, on Windows.</summary>
public sealed class PosixTheoryAttribute : TheoryAttribute
{
    public PosixTheoryAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "Sends SIGINT/SIGTERM with kill(1); Windows has no POSIX signals to send to a child process.";
    }
}
