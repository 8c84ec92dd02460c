namespace Lighter.Client.Submission;

/// <summary>The attempts and time one submission may still spend, and the waits between its sends.</summary>
internal sealed class SubmissionBudget(SubmissionRetryOptions options, TimeProvider time)
{
    private readonly long _startedAt = time.GetTimestamp();

    /// <summary>Sends made so far.</summary>
    public int Attempts { get; private set; }

    /// <summary>Counts one send.</summary>
    public void CountAttempt() => Attempts++;

    /// <summary>Takes back the last count: the request never left (an open circuit).</summary>
    public void Uncount() => Attempts--;

    /// <summary>Whether another send is allowed.</summary>
    public bool Spent => Attempts >= options.MaxAttempts || time.GetElapsedTime(_startedAt) >= options.MaxDuration;

    /// <summary>
    /// Waits before the next send: the server's <c>Retry-After</c> when given (honoured even beyond
    /// <see cref="SubmissionRetryOptions.MaxDelay"/>), else exponential backoff with jitter.
    /// </summary>
    /// <returns>False, without waiting, when the wait would end past the time budget.</returns>
    public async Task<bool> TryDelayAsync(TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var delay = retryAfter ?? Backoff();
        if (time.GetElapsedTime(_startedAt) + delay > options.MaxDuration) return false;
        if (delay > TimeSpan.Zero) await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private TimeSpan Backoff()
    {
        var exponent = Math.Min(Attempts - 1, 16);
        var ceiling = Math.Min(options.BaseDelay.TotalMilliseconds * (1L << Math.Max(exponent, 0)), options.MaxDelay.TotalMilliseconds);
        // Full jitter in [ceiling/2, ceiling]: callers that failed together do not come back together.
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + Random.Shared.NextDouble() / 2));
    }
}
