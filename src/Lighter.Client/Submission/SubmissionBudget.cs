namespace Lighter.Client.Submission;

/// <summary>The attempts and time one submission may still spend, and the waits between its sends.</summary>
internal sealed class SubmissionBudget(SubmissionRetryOptions options, TimeProvider time)
{
    private readonly long _startedAt = time.GetTimestamp();

    /// <summary>Sends made so far.</summary>
    public int Attempts { get; private set; }

    /// <summary>Counts one send.</summary>
    public void CountAttempt() => Attempts++;

    /// <summary>Whether another send is allowed.</summary>
    public bool Spent => Attempts >= options.MaxAttempts || time.GetElapsedTime(_startedAt) >= options.MaxDuration;

    /// <summary>Waits before the next send: the server's <c>Retry-After</c> when given, else exponential backoff with jitter.</summary>
    public Task DelayAsync(TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var delay = retryAfter ?? Backoff();
        if (delay > options.MaxDelay) delay = options.MaxDelay;
        return delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, time, cancellationToken);
    }

    private TimeSpan Backoff()
    {
        var exponent = Math.Min(Attempts - 1, 16);
        var ceiling = Math.Min(options.BaseDelay.TotalMilliseconds * (1L << Math.Max(exponent, 0)), options.MaxDelay.TotalMilliseconds);
        // Full jitter in [ceiling/2, ceiling]: callers that failed together do not come back together.
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + Random.Shared.NextDouble() / 2));
    }
}
