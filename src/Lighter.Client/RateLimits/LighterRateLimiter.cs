using System.Threading.RateLimiting;
using Lighter.Client.Http;

namespace Lighter.Client.RateLimits;

/// <summary>
/// Client-side pacing with the documented tier budgets over a rolling minute, so a busy caller waits in a queue
/// instead of collecting 429s. Standard: 60 requests (sendTx included). Premium/Plus: a REST weight budget plus a
/// separate sendTx budget. Every tier also keeps the 24,000-weight cap that bounds heavy endpoints.
/// </summary>
/// <remarks>
/// Built on <see cref="SlidingWindowRateLimiter"/> with manual replenishment driven by a <see cref="TimeProvider"/>
/// timer (testable with a fake clock). A window of S segments frees a permit after between S-1 and S segment
/// lengths, so the window is stretched to 60·S/(S-1) s: no permit returns before a full minute has passed.
/// </remarks>
public sealed class LighterRateLimiter : IDisposable
{
    private const int Segments = 12;
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan SegmentLength = Minute / (Segments - 1);
    private const int WeightCap = 24_000;

    private readonly List<(SlidingWindowRateLimiter Limiter, ITimer Timer)> _windows = [];
    private readonly Budget? _requests;
    private readonly Budget? _weight;
    private readonly Budget? _sendTx;
    private readonly RateLimitTier _tier;

    /// <summary>Creates the limiter for the tier and budgets in <paramref name="options"/>.</summary>
    public LighterRateLimiter(LighterClientOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _tier = options.RateLimitTier;
        var queue = options.RateLimitQueueLimit;
        switch (_tier)
        {
            case RateLimitTier.Standard:
                _requests = Window(options.RestBudgetPerMinute ?? 60, queue, timeProvider);
                _weight = Window(WeightCap, queue, timeProvider);
                break;
            case RateLimitTier.Premium:
                _weight = Window(options.RestBudgetPerMinute ?? WeightCap, queue, timeProvider);
                _sendTx = Window(options.SendTxPerMinute ?? 4_000, queue, timeProvider);
                break;
            case RateLimitTier.Plus:
                _weight = Window(options.RestBudgetPerMinute ?? 120_000, queue, timeProvider);
                _sendTx = Window(options.SendTxPerMinute ?? 8_000, queue, timeProvider);
                break;
        }
    }

    /// <summary>Waits until <paramref name="operation"/> fits the budgets; returns the leases to dispose after the call.</summary>
    /// <exception cref="LighterApiException">The wait queue is full (transient).</exception>
    public async ValueTask<RateLimitPermit> AcquireAsync(string operation, CancellationToken cancellationToken = default)
    {
        if (_tier == RateLimitTier.Unlimited) return default;
        var isSendTx = LighterOperation.IsSendTx(operation);
        RateLimitLease? first = null, second = null;
        try
        {
            if (_requests is not null)
            {
                first = await TakeAsync(_requests, 1, operation, cancellationToken).ConfigureAwait(false);
            }

            if (isSendTx && _sendTx is not null)
            {
                second = await TakeAsync(_sendTx, 1, operation, cancellationToken).ConfigureAwait(false);
            }
            else if (!isSendTx && _weight is not null)
            {
                second = await TakeAsync(_weight, EndpointWeights.Of(operation), operation, cancellationToken).ConfigureAwait(false);
            }

            return new RateLimitPermit(first, second);
        }
        catch
        {
            first?.Dispose();
            throw;
        }
    }

    /// <summary>Permits still free in the REST window (diagnostics).</summary>
    public long? AvailableRestPermits => (_requests ?? _weight)?.Limiter.GetStatistics()?.CurrentAvailablePermits;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (limiter, timer) in _windows)
        {
            timer.Dispose();
            limiter.Dispose();
        }
    }

    private Budget Window(int permits, int queue, TimeProvider time)
    {
        var limiter = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = SegmentLength * Segments,
            SegmentsPerWindow = Segments,
            QueueLimit = queue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = false,
        });
        var timer = time.CreateTimer(static state => ((SlidingWindowRateLimiter)state!).TryReplenish(), limiter, SegmentLength, SegmentLength);
        _windows.Add((limiter, timer));
        return new Budget(limiter, permits);
    }

    private static async ValueTask<RateLimitLease> TakeAsync(Budget budget, int cost, string operation, CancellationToken cancellationToken)
    {
        // A weight above the whole budget (possible with a lowered override) would never fit: it takes the whole window.
        var lease = await budget.Limiter.AcquireAsync(Math.Min(cost, budget.Limit), cancellationToken).ConfigureAwait(false);
        if (lease.IsAcquired) return lease;
        lease.Dispose();
        throw new LighterApiException(operation, null, null, "the client-side rate-limit queue is full; slow down or raise RateLimitQueueLimit", isTransient: true);
    }

    private sealed record Budget(SlidingWindowRateLimiter Limiter, int Limit);
}

/// <summary>The rate-limit leases held for one request; disposing returns nothing early (the window frees them).</summary>
public readonly struct RateLimitPermit : IDisposable
{
    private readonly RateLimitLease? _first;
    private readonly RateLimitLease? _second;

    internal RateLimitPermit(RateLimitLease? first, RateLimitLease? second)
    {
        _first = first;
        _second = second;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _first?.Dispose();
        _second?.Dispose();
    }
}
