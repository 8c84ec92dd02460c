using Lighter.Client.Diagnostics;

namespace Lighter.Client.Streaming;

/// <summary>Rolling-minute limit on sent messages, timed by a <see cref="TimeProvider"/>; callers wait for a slot.</summary>
internal sealed class SendRateLimiter(int maxPerWindow, TimeSpan window, TimeProvider time)
{
    private readonly Queue<long> _sent = new();
    private readonly Lock _gate = new();

    /// <summary>Waits for a slot; a wait is recorded on <see cref="LighterTelemetry.RateLimitWaitInstrument"/>.</summary>
    /// <param name="operation">The frame being sent (<c>subscribe</c>, <c>ping</c>, ...), for the telemetry tag.</param>
    /// <param name="cancellationToken">Ends the wait.</param>
    public async ValueTask WaitAsync(string operation, CancellationToken cancellationToken)
    {
        long? queuedAt = null;
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_gate)
                {
                    var now = time.GetTimestamp();
                    while (_sent.Count > 0 && time.GetElapsedTime(_sent.Peek(), now) >= window)
                    {
                        _sent.Dequeue();
                    }

                    if (_sent.Count < maxPerWindow)
                    {
                        _sent.Enqueue(now);
                        return;
                    }

                    wait = window - time.GetElapsedTime(_sent.Peek(), now);
                    queuedAt ??= now;
                }

                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            // Only a caller that queued records, whether it got its slot or was cancelled.
            if (queuedAt is { } at) LighterTelemetry.RateLimitWaited(StreamTelemetry.WebSocketLimiter, operation, time.GetElapsedTime(at));
        }
    }
}
