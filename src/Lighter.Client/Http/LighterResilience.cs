using System.Diagnostics;
using Lighter.Client.Diagnostics;
using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Lighter.Client.Http;

/// <summary>
/// The retry / circuit-breaker / timeout pipeline of every Lighter request.
/// </summary>
/// <remarks>
/// Reads (GET/HEAD) are retried on transient failures with exponential backoff and jitter, honouring
/// <c>Retry-After</c>. A signed write (POST) is retried automatically only when the failure proves the server did not
/// process it: a 429 refusal, or a connection that was never established. Any other failed write may have reached
/// the sequencer, so it surfaces to the caller, who resolves it by nonce or transaction hash instead of guessing.
/// </remarks>
internal static class LighterResilience
{
    /// <summary>Adds total timeout, retry, circuit breaker and per-attempt timeout to <paramref name="builder"/>.</summary>
    public static ResiliencePipelineBuilder<HttpResponseMessage> Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, LighterClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.AddTimeout(options.TotalTimeout);
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                ShouldHandle = static args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.GetRequestMessage())),
                OnRetry = static args =>
                {
                    RecordRetry(args.Context.GetRequestMessage(), args.Outcome.Result, args.AttemptNumber + 1);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = 0.5,
            MinimumThroughput = 20,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = options.CircuitBreakDuration,
            // Rate-limit refusals say nothing about the server's health; they are paced, not tripped on.
            ShouldHandle = static args => ValueTask.FromResult(
                HttpClientResiliencePredicates.IsTransient(args.Outcome) && args.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests),
        });
        builder.AddTimeout(options.AttemptTimeout);
        return builder;
    }

    /// <summary>Builds a handler running the pipeline, for use without dependency injection.</summary>
    public static ResilienceHandler CreateHandler(LighterClientOptions options, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        return new ResilienceHandler(Configure(builder, options).Build());
    }

    /// <summary>
    /// Set on requests whose caller runs its own resend policy (transaction submission: the same signed bytes, with
    /// Retry-After and a budget the caller can see), so the pipeline does not retry them a second time.
    /// </summary>
    internal static readonly HttpRequestOptionsKey<bool> CallerRetries = new("Lighter.CallerRetries");

    /// <summary>The retry decision (exposed for tests and custom pipelines).</summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request)
    {
        if (request is not null && request.Options.TryGetValue(CallerRetries, out var callerRetries) && callerRetries) return false;
        if (outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests) return true;
        if (outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
        {
            return true;
        }

        var idempotent = request is null || request.Method == HttpMethod.Get || request.Method == HttpMethod.Head;
        return idempotent && HttpClientResiliencePredicates.IsTransient(outcome);
    }

    /// <summary>Counts a retry and stamps the running REST span with the retries so far (no-op when nobody listens).</summary>
    private static void RecordRetry(HttpRequestMessage? request, HttpResponseMessage? retried, int retries)
    {
        if (Activity.Current is { } span && span.Source == LighterTelemetry.Source)
        {
            span.SetTag("lighter.retry_count", retries);
        }

        if (!LighterTelemetry.RestRetries.Enabled && !LighterTelemetry.RestThrottled.Enabled) return;
        var operation = OperationName.FromUri(request?.RequestUri);
        if (retried?.StatusCode == HttpStatusCode.TooManyRequests) LighterTelemetry.Throttled(operation);
        if (!LighterTelemetry.RestRetries.Enabled) return;
        LighterTelemetry.RestRetries.Add(1,
            new KeyValuePair<string, object?>("lighter.operation", operation),
            new KeyValuePair<string, object?>("http.response.status_code", retried is null ? null : (int)retried.StatusCode));
    }
}
