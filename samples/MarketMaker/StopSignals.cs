using System.Runtime.InteropServices;

namespace MarketMaker;

/// <summary>
/// Turns Ctrl+C (SIGINT) and SIGTERM into a cancellation, so the bot cancels its quotes, prints its summary and exits 0
/// instead of being cut off with its quotes still resting. A second signal while stopping is left to its default (exit).
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly PosixSignalRegistration[] _registrations;

    public StopSignals(CancellationTokenSource stop)
    {
        _stop = stop;
        // PosixSignalRegistration rather than Console.CancelKeyPress: it also sees SIGTERM, and SIGINT sent by kill.
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (_stop.IsCancellationRequested) return; // already stopping: a second Ctrl+C ends the process
        context.Cancel = true;
        _stop.Cancel();
    }
}
