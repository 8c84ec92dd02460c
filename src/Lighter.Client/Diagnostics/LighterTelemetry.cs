using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace Lighter.Client.Diagnostics;

/// <summary>
/// Names of the <see cref="ActivitySource"/> and <see cref="Meter"/> the client reports through, for
/// <c>AddSource(LighterTelemetry.ActivitySourceName)</c> / <c>AddMeter(LighterTelemetry.MeterName)</c>.
/// Tags never carry auth tokens, signatures, keys or transaction bodies.
/// </summary>
public static class LighterTelemetry
{
    /// <summary>Name of the activity source: a span per REST call (<c>lighter.rest {operation}</c>) and per submission (<c>lighter.submit</c>).</summary>
    public const string ActivitySourceName = "Lighter.Client";

    /// <summary>Name of the meter holding the client's instruments.</summary>
    public const string MeterName = "Lighter.Client";

    /// <summary>Counter of REST requests (unit <c>{request}</c>; tags <c>lighter.operation</c>, <c>http.request.method</c>, <c>http.response.status_code</c>).</summary>
    public const string RestRequestsInstrument = "lighter.rest.requests";

    /// <summary>Histogram of REST call durations including retries (unit <c>s</c>; same tags as <see cref="RestRequestsInstrument"/>).</summary>
    public const string RestDurationInstrument = "lighter.rest.duration";

    /// <summary>Counter of retried REST attempts (unit <c>{retry}</c>; tags <c>lighter.operation</c>, <c>http.response.status_code</c> of the retried answer, absent for transport faults).</summary>
    public const string RestRetriesInstrument = "lighter.rest.retries";

    /// <summary>Counter of HTTP 429 answers, retried or final (unit <c>{response}</c>; tag <c>lighter.operation</c>).</summary>
    public const string RestThrottledInstrument = "lighter.rest.throttled";

    /// <summary>Counter of submissions by outcome (unit <c>{transaction}</c>; tags <c>lighter.verdict</c>: Answered, Resent, FoundByHash, FoundByNonce or Failed, and <c>lighter.disposition</c> of a failed one's nonce).</summary>
    public const string SubmissionsInstrument = "lighter.submissions";

    /// <summary>Histogram of signing time per transaction, in the managed signer (unit <c>s</c>; tag <c>lighter.tx_type</c>).</summary>
    public const string SigningDurationInstrument = "lighter.signing.duration";

    private static readonly string Version =
        typeof(LighterTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    internal static readonly ActivitySource Source = new(ActivitySourceName, Version);

    internal static readonly Meter Meter = new(MeterName, Version);

    internal static readonly Counter<long> RestRequests =
        Meter.CreateCounter<long>(RestRequestsInstrument, "{request}", "REST requests by operation and status.");

    internal static readonly Histogram<double> RestDuration =
        Meter.CreateHistogram<double>(RestDurationInstrument, "s", "REST call duration including retries.");

    internal static readonly Counter<long> RestRetries =
        Meter.CreateCounter<long>(RestRetriesInstrument, "{retry}", "Retried REST attempts.");

    internal static readonly Counter<long> RestThrottled =
        Meter.CreateCounter<long>(RestThrottledInstrument, "{response}", "HTTP 429 answers, retried or final.");

    internal static readonly Counter<long> Submissions =
        Meter.CreateCounter<long>(SubmissionsInstrument, "{transaction}", "Transaction submissions by verdict.");

    internal static readonly Histogram<double> SigningDuration =
        Meter.CreateHistogram<double>(SigningDurationInstrument, "s", "Time to sign one transaction.");

    /// <summary>Counts one 429 answer for <paramref name="operation"/>.</summary>
    internal static void Throttled(string operation)
    {
        if (RestThrottled.Enabled) RestThrottled.Add(1, new KeyValuePair<string, object?>("lighter.operation", operation));
    }
}
