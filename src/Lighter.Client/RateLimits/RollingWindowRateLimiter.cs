using System.Threading.RateLimiting;

namespace Lighter.Client.RateLimits;

/// <summary>
/// A weighted rolling-window limiter: at most <c>permitLimit</c> permits granted in any window, each grant freed
/// exactly one window after it was made. Waiters are served first-in first-out. Time comes from a
/// <see cref="TimeProvider"/>, so the exact behaviour is testable with a fake clock (the built-in window limiters
/// measure elapsed time with <see cref="System.Diagnostics.Stopwatch"/> even when replenished by hand).
/// </summary>
internal sealed class RollingWindowRateLimiter : RateLimiter
{
    private readonly int _permitLimit;
    private readonly int _queueLimit;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private readonly Queue<(DateTimeOffset At, int Permits)> _grants = new();
    private readonly LinkedList<Waiter> _waiters = new();
    private readonly Lock _lock = new();
    private int _used;
    private long _successful;
    private long _failed;
    private bool _disposed;

    /// <summary>Creates the limiter.</summary>
    /// <param name="permitLimit">Permits per window.</param>
    /// <param name="window">Window length (one minute for Lighter's limits).</param>
    /// <param name="queueLimit">Maximum number of waiting requests; beyond it acquisitions fail at once.</param>
    /// <param name="timeProvider">Clock.</param>
    public RollingWindowRateLimiter(int permitLimit, TimeSpan window, int queueLimit, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permitLimit);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(queueLimit);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _permitLimit = permitLimit;
        _window = window;
        _queueLimit = queueLimit;
        _time = timeProvider;
        _timer = timeProvider.CreateTimer(static s => ((RollingWindowRateLimiter)s!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Permits per window.</summary>
    public int PermitLimit => _permitLimit;

    /// <inheritdoc />
    public override TimeSpan? IdleDuration => null;

    /// <inheritdoc />
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_lock)
        {
            Expire(_time.GetUtcNow());
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _permitLimit - _used,
                CurrentQueuedCount = _waiters.Count,
                TotalSuccessfulLeases = _successful,
                TotalFailedLeases = _failed,
            };
        }
    }

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        CheckPermits(permitCount);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Expire(_time.GetUtcNow());
            return _waiters.Count == 0 && TryGrant(permitCount) ? Lease.Granted : Fail();
        }
    }

    /// <inheritdoc />
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        CheckPermits(permitCount);
        cancellationToken.ThrowIfCancellationRequested();
        Waiter waiter;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Expire(_time.GetUtcNow());
            if (_waiters.Count == 0 && TryGrant(permitCount)) return new ValueTask<RateLimitLease>(Lease.Granted);
            if (_waiters.Count >= _queueLimit) return new ValueTask<RateLimitLease>(Fail());
            waiter = new Waiter(permitCount);
            waiter.Node = _waiters.AddLast(waiter);
            ScheduleLocked();
        }

        if (cancellationToken.CanBeCanceled)
        {
            waiter.Registration = cancellationToken.Register(static state =>
            {
                var (limiter, w, token) = ((RollingWindowRateLimiter, Waiter, CancellationToken))state!;
                limiter.Cancel(w, token);
            }, (this, waiter, cancellationToken));
        }

        return new ValueTask<RateLimitLease>(waiter.Completion.Task);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (!disposing) return;
        List<Waiter> pending;
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            pending = [.. _waiters];
            _waiters.Clear();
        }

        _timer.Dispose();
        foreach (var w in pending)
        {
            w.Registration.Dispose();
            w.Completion.TrySetResult(Lease.Rejected);
        }
    }

    private void CheckPermits(int permitCount)
    {
        if (permitCount < 0 || permitCount > _permitLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, $"permitCount must be within 0..{_permitLimit}.");
        }
    }

    private bool TryGrant(int permits)
    {
        if (_used + permits > _permitLimit) return false;
        if (permits > 0)
        {
            _used += permits;
            _grants.Enqueue((_time.GetUtcNow(), permits));
        }

        _successful++;
        return true;
    }

    private Lease Fail()
    {
        _failed++;
        return Lease.Rejected;
    }

    private void Expire(DateTimeOffset now)
    {
        while (_grants.TryPeek(out var oldest) && oldest.At + _window <= now)
        {
            _grants.Dequeue();
            _used -= oldest.Permits;
        }
    }

    private void ScheduleLocked()
    {
        if (_waiters.Count == 0 || !_grants.TryPeek(out var oldest)) return;
        var due = oldest.At + _window - _time.GetUtcNow();
        _timer.Change(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
    }

    private void OnTimer()
    {
        var granted = new List<Waiter>();
        lock (_lock)
        {
            if (_disposed) return;
            Expire(_time.GetUtcNow());
            while (_waiters.First is { } first && TryGrant(first.Value.Permits))
            {
                _waiters.RemoveFirst();
                granted.Add(first.Value);
            }

            ScheduleLocked();
        }

        foreach (var w in granted)
        {
            w.Registration.Dispose();
            w.Completion.TrySetResult(Lease.Granted);
        }
    }

    private void Cancel(Waiter waiter, CancellationToken token)
    {
        lock (_lock)
        {
            if (waiter.Node?.List is null) return;
            _waiters.Remove(waiter.Node);
            // The head may have been blocking smaller requests behind it.
            ScheduleLocked();
        }

        waiter.Completion.TrySetCanceled(token);
    }

    private sealed class Waiter(int permits)
    {
        public int Permits { get; } = permits;

        public TaskCompletionSource<RateLimitLease> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }

        public CancellationTokenRegistration Registration { get; set; }
    }

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public static readonly Lease Granted = new(true);
        public static readonly Lease Rejected = new(false);

        public override bool IsAcquired { get; } = acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
