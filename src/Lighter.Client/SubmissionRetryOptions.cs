namespace Lighter.Client;

/// <summary>
/// How long a transaction without a clear answer (429, 5xx, timeout, out-of-window refusal) keeps being resent as
/// the identical signed bytes before the caller gets a failure. Resending the same bytes is safe: the same nonce
/// cannot execute twice.
/// </summary>
public sealed class SubmissionRetryOptions
{
    /// <summary>Most sends of one signed transaction (default 12).</summary>
    public int MaxAttempts { get; set { ThrowIfFrozen(); field = value; } } = 12;

    /// <summary>Most time spent on one transaction, from its first send (default 60 s).</summary>
    public TimeSpan MaxDuration { get; set { ThrowIfFrozen(); field = value; } } = TimeSpan.FromSeconds(60);

    /// <summary>First wait between sends; later ones double, with jitter (default 10 ms). <c>Retry-After</c> wins when the server sends it.</summary>
    public TimeSpan BaseDelay { get; set { ThrowIfFrozen(); field = value; } } = TimeSpan.FromMilliseconds(10);

    /// <summary>Longest backoff between two sends (default 5 s). A server's <c>Retry-After</c> is honoured even when longer, within <see cref="MaxDuration"/>.</summary>
    public TimeSpan MaxDelay { get; set { ThrowIfFrozen(); field = value; } } = TimeSpan.FromSeconds(5);

    /// <summary>The errors of these options, one per problem (empty when valid).</summary>
    internal IEnumerable<string> Validate()
    {
        if (MaxAttempts < 1) yield return "Lighter:SubmissionRetry:MaxAttempts must be at least 1.";
        if (MaxDuration <= TimeSpan.Zero) yield return "Lighter:SubmissionRetry:MaxDuration must be positive.";
        if (BaseDelay < TimeSpan.Zero) yield return "Lighter:SubmissionRetry:BaseDelay must not be negative.";
        if (MaxDelay < BaseDelay) yield return "Lighter:SubmissionRetry:MaxDelay must be at least BaseDelay.";
    }

    /// <summary>True once a client was built from this instance: it can no longer be changed.</summary>
    public bool IsReadOnly { get; private set; }

    /// <summary>A frozen copy for a client, so that later changes to the caller's instance do not reach it.</summary>
    internal SubmissionRetryOptions ReadOnlyCopy()
    {
        var copy = (SubmissionRetryOptions)MemberwiseClone();
        copy.IsReadOnly = false;
        copy.IsReadOnly = true;
        return copy;
    }

    private void ThrowIfFrozen()
    {
        if (IsReadOnly)
        {
            throw new InvalidOperationException("These options belong to a client and are read-only; change a copy and build a new client.");
        }
    }
}
