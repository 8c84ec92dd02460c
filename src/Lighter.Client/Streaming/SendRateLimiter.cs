namespace Lighter.Client.Streaming;

/// <summary>Rolling-minute limit on sent messages, timed by a <see cref="TimeProvider"/>; callers wait for a slot.</summary>
internal sealed class SendRateLimiter(int maxPerWindow, TimeSpan window, TimeProvider time)
{
    private readonly Queue<long> _sent = new();
    private readonly Lock _gate = new();

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
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
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
