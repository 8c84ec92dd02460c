using Lighter.Client.Auth;
using Lighter.Client.RateLimits;
using Microsoft.Extensions.Logging;

namespace Lighter.Client.Http;

/// <summary>
/// Builds the handler chain every Lighter request goes through, outermost first:
/// telemetry → errors → resilience (timeouts, retries, circuit breaker) → rate limit → auth token → transport.
/// The DI registration builds the same chain on <c>IHttpClientFactory</c>.
/// </summary>
internal static class LighterHttpPipeline
{
    /// <summary>Creates the chain around <paramref name="transport"/> for use without dependency injection.</summary>
    /// <param name="options">Client options (timeouts, retries).</param>
    /// <param name="timeProvider">Clock for timeouts, retry delays and rate-limit windows.</param>
    /// <param name="rateLimiter">The client-side limiter, or <see langword="null"/> for none.</param>
    /// <param name="authTokens">Auth token handler, or <see langword="null"/> when no key is configured.</param>
    /// <param name="transport">The innermost handler (e.g. <see cref="SocketsHttpHandler"/>).</param>
    /// <param name="loggerFactory">Optional logger factory.</param>
    public static HttpMessageHandler Create(
        LighterClientOptions options,
        TimeProvider timeProvider,
        LighterRateLimiter? rateLimiter,
        AuthTokenHandler? authTokens,
        HttpMessageHandler transport,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(transport);
        var inner = transport;
        if (authTokens is not null)
        {
            authTokens.InnerHandler = inner;
            inner = authTokens;
        }

        if (rateLimiter is not null)
        {
            inner = new RateLimitingHandler(rateLimiter) { InnerHandler = inner };
        }

        var resilience = LighterResilience.CreateHandler(options, timeProvider);
        resilience.InnerHandler = inner;
        var errors = new LighterErrorHandler(loggerFactory?.CreateLogger<LighterErrorHandler>()) { InnerHandler = resilience };
        return new TelemetryHandler { InnerHandler = errors };
    }
}
