namespace Lighter.Client.Streaming;

/// <summary>Exponential reconnect delay with jitter: initial, doubling per failed attempt, capped.</summary>
internal sealed class ReconnectBackoff(TimeSpan initial, TimeSpan max, double jitter, Func<double> random)
{
    private int _attempt;

    /// <summary>Delay before the next attempt; each call counts as one more failed attempt.</summary>
    public TimeSpan Next()
    {
        var factor = Math.Pow(2, Math.Min(_attempt, 30));
        _attempt++;
        var baseMs = Math.Min(initial.TotalMilliseconds * factor, max.TotalMilliseconds);
        var spread = 1 + (jitter * ((2 * random()) - 1));
        return TimeSpan.FromMilliseconds(Math.Min(baseMs * spread, max.TotalMilliseconds));
    }

    /// <summary>Called once a connection is established again.</summary>
    public void Reset() => _attempt = 0;
}
