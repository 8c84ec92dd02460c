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

    /// <summary>
    /// Histogram of time spent queued for a client-side rate limiter (unit <c>s</c>). Only acquisitions that had to
    /// queue are recorded (one measurement per budget a call queued on, until it got its permit or gave up); a call that
    /// fits its budget records nothing, so the count is the number of throttled calls and the sum the time they lost.
    /// Tags: <c>lighter.limiter</c> (<c>rest_requests</c>: the Standard tier's request count, <c>rest_weight</c>: the
    /// REST weight window, <c>send_tx</c>: the Premium/Plus sendTx window, <c>websocket_messages</c>: the WebSocket send
    /// limiter) and <c>lighter.operation</c> (the REST operation, or the WebSocket frame: <c>subscribe</c>,
    /// <c>unsubscribe</c>, <c>ping</c>, <c>pong</c>).
    /// </summary>
    public const string RateLimitWaitInstrument = "lighter.rate_limit.wait";

    /// <summary>
    /// Counter of nonce resyncs (unit <c>{resync}</c>): each <c>nextNonce</c> fetch that reconciles an initialised nonce
    /// sequence with the exchange (concurrent callers share one fetch, counted once; the first fetch is not a resync).
    /// Tags: <c>lighter.account_index</c>, <c>lighter.api_key_index</c>, <c>lighter.trigger</c> (who asked:
    /// <c>invalid_nonce</c>: an "invalid nonce" answer, <c>refused</c>: a refusal after a send that may have landed,
    /// <c>final_check</c>: the submitter's last look-up once its resend budget is spent, <c>refresh</c>: a caller of
    /// <c>RefreshAsync</c>) and <c>lighter.result</c> (<c>in_sync</c>, <c>advanced</c>: the exchange was ahead and the
    /// sequence moved forward, <c>behind</c>: the exchange waits for a nonce the client counted as used, not yet
    /// repaired, <c>repaired</c>: that nonce was handed out again).
    /// </summary>
    public const string NonceResyncsInstrument = "lighter.nonce.resyncs";

    /// <summary>
    /// Counter of nonce holes by event (unit <c>{nonce}</c>). A hole is a nonce below the newest one handed out that the
    /// exchange has not consumed and no transaction carries: the exchange's <c>nextNonce</c> cannot pass it, so the
    /// nonce manager hands it to the next transaction. Tag <c>lighter.hole</c>: <c>opened</c> (a lease ended unused
    /// below the newest nonce), <c>repaired</c> (a stall: the exchange waits for a nonce the client counted as used),
    /// <c>filled</c> (a hole handed out again), <c>rolled_back</c> (the counter rolled back over it: no later nonce is
    /// out), <c>skipped</c> (the exchange counts it used, e.g. another holder of the key took it). Over a manager's life
    /// <c>opened + repaired = filled + rolled_back + skipped + </c>the holes still open. Also tagged
    /// <c>lighter.account_index</c> and <c>lighter.api_key_index</c>.
    /// </summary>
    public const string NonceHolesInstrument = "lighter.nonce.holes";

    /// <summary>
    /// Counter of WebSocket reconnect attempts (unit <c>{reconnect}</c>), one per scheduled reconnect of one socket.
    /// Tags: <c>lighter.reason</c> (what ended the previous socket: <c>server_closed</c>: a close frame,
    /// <c>dropped</c>: the socket failed without one, <c>dead</c>: no frame within the dead-connection timeout,
    /// <c>connect_failed</c>: the previous attempt never reached <c>connected</c>), <c>server.address</c> and
    /// <c>server.port</c> (host and port only, never the path or query).
    /// </summary>
    public const string WebSocketReconnectsInstrument = "lighter.ws.reconnects";

    /// <summary>
    /// Counter of local order-book resyncs (unit <c>{resync}</c>): each time a book that was (or may have been) in
    /// sync is thrown away and rebuilt from a fresh snapshot. Tags: <c>lighter.market_id</c> and <c>lighter.reason</c>
    /// (<c>gap</c>: an update did not continue the book, <c>unreadable_frame</c>: an unreadable frame may have hidden an
    /// update and nothing proves continuity, <c>reconnect</c>: the socket was replaced and the book resubscribed).
    /// </summary>
    public const string OrderBookResyncsInstrument = "lighter.order_book.resyncs";

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

    internal static readonly Histogram<double> RateLimitWait =
        Meter.CreateHistogram<double>(RateLimitWaitInstrument, "s", "Time queued for a client-side rate limiter (queued acquisitions only).");

    internal static readonly Counter<long> NonceResyncs =
        Meter.CreateCounter<long>(NonceResyncsInstrument, "{resync}", "nextNonce fetches that reconciled the nonce sequence.");

    internal static readonly Counter<long> NonceHoles =
        Meter.CreateCounter<long>(NonceHolesInstrument, "{nonce}", "Nonce holes opened, repaired, filled, rolled back or skipped.");

    internal static readonly Counter<long> WebSocketReconnects =
        Meter.CreateCounter<long>(WebSocketReconnectsInstrument, "{reconnect}", "WebSocket reconnect attempts by cause.");

    internal static readonly Counter<long> OrderBookResyncs =
        Meter.CreateCounter<long>(OrderBookResyncsInstrument, "{resync}", "Local order books rebuilt from a fresh snapshot.");

    /// <summary>Counts one 429 answer for <paramref name="operation"/>.</summary>
    internal static void Throttled(string operation)
    {
        if (RestThrottled.Enabled) RestThrottled.Add(1, new KeyValuePair<string, object?>("lighter.operation", operation));
    }

    /// <summary>Records <paramref name="waited"/> spent queued on <paramref name="limiter"/> (see <see cref="RateLimitWaitInstrument"/>).</summary>
    internal static void RateLimitWaited(string limiter, string operation, TimeSpan waited)
    {
        if (!RateLimitWait.Enabled) return;
        RateLimitWait.Record(waited.TotalSeconds,
            new KeyValuePair<string, object?>("lighter.limiter", limiter),
            new KeyValuePair<string, object?>("lighter.operation", operation));
    }
}
