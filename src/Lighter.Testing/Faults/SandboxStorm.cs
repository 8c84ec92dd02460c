using System.Globalization;

namespace Lighter.Testing.Faults;

/// <summary>
/// A seeded random fault schedule for the sandbox's REST API (<see cref="SandboxFaults.StartStorm"/>): a share of
/// requests answered 429 (with <c>Retry-After</c>), a share answered 5xx (some of them only after the request was
/// executed: "applied, then 503"), random delays that reorder arrivals, and at most
/// <see cref="MaxFaultsInARow"/> faults in a row for the same request, so a client that resends gets through.
/// </summary>
public sealed record SandboxStorm
{
    /// <summary>Seed of the schedule's random draws (taken in arrival order).</summary>
    public int Seed { get; init; }

    /// <summary>Share of requests answered 429 with code 23000 (default 0.10).</summary>
    public double RateLimitShare { get; init; } = 0.10;

    /// <summary>Share of requests answered 5xx (default 0.10).</summary>
    public double ServerErrorShare { get; init; } = 0.10;

    /// <summary>Of the 5xx answers to <c>sendTx</c>/<c>sendTxBatch</c>, the share given after the transaction was executed (default 0.5).</summary>
    public double AppliedThenErrorShare { get; init; } = 0.5;

    /// <summary>Share of requests held for a random delay before they are processed, so arrivals are reordered (default 0.2).</summary>
    public double DelayShare { get; init; } = 0.2;

    /// <summary>The longest such delay, on the sandbox's clock (default 10 ms).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Most faults in a row for the same request (same method, path, query and body; default 3).</summary>
    public int MaxFaultsInARow { get; init; } = 3;

    /// <summary>The <c>Retry-After</c> sent with a 429 (default 0 s).</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.Zero;

    /// <summary>Only requests whose path starts with this are touched (default <c>/api/</c>: WebSockets are left alone).</summary>
    public string PathPrefix { get; init; } = "/api/";

    /// <summary>
    /// Parses <c>storm</c>, <c>storm:SEED</c> or <c>storm:SEED:SHARE</c> (SHARE is the share of 429s and of 5xx each,
    /// e.g. 0.15), as <c>lighter sandbox --faults</c> takes it.
    /// </summary>
    /// <exception cref="FormatException">The text is not of that form.</exception>
    public static SandboxStorm Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':');
        if (parts[0] != "storm" || parts.Length > 3)
        {
            throw new FormatException($"'{text}' is not a fault schedule: expected storm, storm:SEED or storm:SEED:SHARE.");
        }

        var storm = new SandboxStorm();
        if (parts.Length > 1)
        {
            storm = storm with
            {
                Seed = int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
                    ? seed
                    : throw new FormatException($"The storm seed '{parts[1]}' is not an integer."),
            };
        }

        if (parts.Length > 2)
        {
            var share = double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s is >= 0 and <= 0.5
                ? s
                : throw new FormatException($"The storm share '{parts[2]}' must be a number within 0..0.5.");
            storm = storm with { RateLimitShare = share, ServerErrorShare = share };
        }

        storm.Validate();
        return storm;
    }

    /// <summary>Checks the shares and limits.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A share is outside 0..1, the two fault shares add up to more than 1, or a limit is negative.</exception>
    public void Validate()
    {
        foreach (var (name, share) in new[] { (nameof(RateLimitShare), RateLimitShare), (nameof(ServerErrorShare), ServerErrorShare), (nameof(AppliedThenErrorShare), AppliedThenErrorShare), (nameof(DelayShare), DelayShare) })
        {
            if (share is < 0 or > 1 || double.IsNaN(share)) throw new ArgumentOutOfRangeException(name, share, $"{name} must be within 0..1.");
        }

        if (RateLimitShare + ServerErrorShare > 1) throw new ArgumentOutOfRangeException(nameof(ServerErrorShare), "RateLimitShare + ServerErrorShare must not exceed 1.");
        ArgumentOutOfRangeException.ThrowIfNegative(MaxFaultsInARow);
        if (MaxDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(MaxDelay), "MaxDelay must not be negative.");
        if (RetryAfter < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(RetryAfter), "RetryAfter must not be negative.");
    }
}

/// <summary>What a storm did so far.</summary>
/// <param name="Requests">Requests it saw.</param>
/// <param name="RateLimited">Answered 429.</param>
/// <param name="ServerErrors">Answered 5xx without being processed.</param>
/// <param name="AppliedThenServerErrors">Executed, then answered 5xx.</param>
/// <param name="Delayed">Held before processing.</param>
public sealed record SandboxStormStats(long Requests, long RateLimited, long ServerErrors, long AppliedThenServerErrors, long Delayed);
