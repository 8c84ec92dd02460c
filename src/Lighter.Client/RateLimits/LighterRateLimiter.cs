using System.Threading.RateLimiting;
using Lighter.Client.Diagnostics;
using Lighter.Client.Http;

namespace Lighter.Client.RateLimits;

/// <summary>
/// Client-side pacing with the documented tier budgets over a rolling minute, so a busy caller waits in a queue
/// instead of collecting 429s. Standard: 60 requests (sendTx included). Premium/Plus: a REST weight budget plus a
/// separate sendTx budget. Every tier also keeps the 24,000-weight cap that bounds heavy endpoints.
/// </summary>
/// <remarks>
/// Each budget is a <see cref="RollingWindowRateLimiter"/>: a permit returns exactly one minute after it was
/// granted, measured on the injected <see cref="TimeProvider"/>.
/// </remarks>
internal sealed class LighterRateLimiter : IDisposable
{
    private const int WeightCap = 24_000;

    private readonly List<RollingWindowRateLimiter> _windows = [];
    private readonly RollingWindowRateLimiter? _requests;
    private readonly RollingWindowRateLimiter? _weight;
    private readonly RollingWindowRateLimiter? _sendTx;
    private readonly RateLimitTier _tier;
    private readonly TimeProvider _time;

    /// <summary>Creates the limiter for the tier and budgets in <paramref name="options"/>.</summary>
    public LighterRateLimiter(LighterClientOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _tier = options.RateLimitTier;
        _time = timeProvider;
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
        var isSendTx = OperationName.IsSendTx(operation);
        RateLimitLease? first = null, second = null;
        try
        {
            if (_requests is not null)
            {
                first = await TakeAsync(_requests, "rest_requests", 1, operation, cancellationToken).ConfigureAwait(false);
            }

            if (isSendTx && _sendTx is not null)
            {
                second = await TakeAsync(_sendTx, "send_tx", 1, operation, cancellationToken).ConfigureAwait(false);
            }
            else if (!isSendTx && _weight is not null)
            {
                second = await TakeAsync(_weight, "rest_weight", EndpointWeights.Of(operation), operation, cancellationToken).ConfigureAwait(false);
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
    public long? AvailableRestPermits => (_requests ?? _weight)?.GetStatistics()?.CurrentAvailablePermits;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var limiter in _windows) limiter.Dispose();
    }

    private RollingWindowRateLimiter Window(int permits, int queue, TimeProvider time)
    {
        var limiter = new RollingWindowRateLimiter(permits, TimeSpan.FromMinutes(1), queue, time);
        _windows.Add(limiter);
        return limiter;
    }

    /// <summary>Takes <paramref name="cost"/> permits from <paramref name="budget"/>; a queued wait is recorded on <see cref="LighterTelemetry.RateLimitWaitInstrument"/>.</summary>
    /// <param name="budget">The window to take from.</param>
    /// <param name="limiter">The window's <c>lighter.limiter</c> tag.</param>
    /// <param name="cost">Permits the operation costs.</param>
    /// <param name="operation">The REST operation.</param>
    /// <param name="cancellationToken">Ends the wait.</param>
    private async ValueTask<RateLimitLease> TakeAsync(RollingWindowRateLimiter budget, string limiter, int cost, string operation, CancellationToken cancellationToken)
    {
        // A weight above the whole budget (possible with a lowered override) would never fit: it takes the whole window.
        var pending = budget.AcquireAsync(Math.Min(cost, budget.PermitLimit), cancellationToken);
        RateLimitLease lease;
        if (pending.IsCompleted || !LighterTelemetry.RateLimitWait.Enabled)
        {
            lease = await pending.ConfigureAwait(false);
        }
        else
        {
            // Queued: the wait is measured on the limiter's own clock, whether it ends in a permit or not.
            var queuedAt = _time.GetTimestamp();
            try
            {
                lease = await pending.ConfigureAwait(false);
            }
            finally
            {
                LighterTelemetry.RateLimitWaited(limiter, operation, _time.GetElapsedTime(queuedAt));
            }
        }

        if (lease.IsAcquired) return lease;
        lease.Dispose();
        throw new LighterApiException(operation, null, null, "the client-side rate-limit queue is full; slow down or raise RateLimitQueueLimit", isTransient: true);
    }
}

/// <summary>The rate-limit leases held for one request; disposing returns nothing early (the window frees them).</summary>
internal readonly struct RateLimitPermit : IDisposable
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
