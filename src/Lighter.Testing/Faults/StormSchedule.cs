namespace Lighter.Testing.Faults;

/// <summary>The decision for one request under a storm.</summary>
internal enum StormFault
{
    None,
    RateLimit,
    ServerError,
    AppliedThenServerError,
}

/// <summary>Draws a <see cref="SandboxStorm"/>'s decisions, in arrival order, and keeps its counts.</summary>
internal sealed class StormSchedule(SandboxStorm storm)
{
    private readonly Lock _gate = new();
    private readonly Random _random = new(storm.Seed);
    private readonly Dictionary<string, int> _faultsInARow = new(StringComparer.Ordinal);
    private long _requests, _rateLimited, _serverErrors, _applied, _delayed;

    public SandboxStorm Storm { get; } = storm;

    public SandboxStormStats Stats
    {
        get
        {
            lock (_gate) return new SandboxStormStats(_requests, _rateLimited, _serverErrors, _applied, _delayed);
        }
    }

    /// <summary>Decides the fate of a request identified by <paramref name="key"/> (method, path, query, body).</summary>
    public (StormFault Fault, TimeSpan Delay) Next(string key, bool isWrite)
    {
        lock (_gate)
        {
            _requests++;
            var delay = _random.NextDouble() < Storm.DelayShare ? Storm.MaxDelay * _random.NextDouble() : TimeSpan.Zero;
            if (delay > TimeSpan.Zero) _delayed++;
            var draw = _random.NextDouble();
            var applied = _random.NextDouble() < Storm.AppliedThenErrorShare;
            var inARow = _faultsInARow.GetValueOrDefault(key);
            var fault = inARow >= Storm.MaxFaultsInARow ? StormFault.None
                : draw < Storm.RateLimitShare ? StormFault.RateLimit
                : draw < Storm.RateLimitShare + Storm.ServerErrorShare ? (isWrite && applied ? StormFault.AppliedThenServerError : StormFault.ServerError)
                : StormFault.None;
            switch (fault)
            {
                case StormFault.None:
                    _faultsInARow.Remove(key);
                    break;
                case StormFault.RateLimit:
                    _rateLimited++;
                    break;
                case StormFault.ServerError:
                    _serverErrors++;
                    break;
                default:
                    _applied++;
                    break;
            }

            if (fault != StormFault.None) _faultsInARow[key] = inARow + 1;
            return (fault, delay);
        }
    }
}
