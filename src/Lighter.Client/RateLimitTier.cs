namespace Lighter.Client;

/// <summary>The account tier whose documented REST limits the client-side rate limiter enforces.</summary>
public enum RateLimitTier
{
    /// <summary>60 requests per rolling minute, sendTx included (unweighted).</summary>
    Standard = 0,

    /// <summary>24,000 weight per rolling minute for REST; sendTx in its own bucket (4,000/min at 0 staked LIT).</summary>
    Premium = 1,

    /// <summary>120,000 weight per rolling minute for REST; sendTx 8,000/min.</summary>
    Plus = 2,

    /// <summary>No client-side limiting (the caller throttles, or talks to a local sandbox).</summary>
    Unlimited = 3,
}
