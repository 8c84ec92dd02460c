using System.Runtime.InteropServices;

namespace Lighter.Cli.Commands;

/// <summary>
/// Turns Ctrl+C (SIGINT) and SIGTERM into a cancellation a long-running command handles itself, so it can print its
/// summary and exit 0 instead of being cut off with 130/143.
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration[] _registrations;

    private TerminationSignals(CancellationToken outer)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    /// <summary>Cancelled on Ctrl+C, SIGTERM or when the outer token is.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>Starts listening until disposed.</summary>
    public static TerminationSignals Listen(CancellationToken outer) => new(outer);

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true; // the command ends itself
        _stop.Cancel();
    }
}
