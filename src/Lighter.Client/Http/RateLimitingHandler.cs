using Lighter.Client.RateLimits;

namespace Lighter.Client.Http;

/// <summary>Waits for the client-side rate-limit budget before each attempt (retries pay again, as the server counts them).</summary>
internal sealed class RateLimitingHandler : DelegatingHandler
{
    private readonly LighterRateLimiter _limiter;

    /// <summary>Creates the handler.</summary>
    public RateLimitingHandler(LighterRateLimiter limiter)
    {
        _limiter = limiter ?? throw new ArgumentNullException(nameof(limiter));
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var permit = await _limiter.AcquireAsync(OperationName.FromUri(request.RequestUri), cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
