using System.Net;
using Polly.CircuitBreaker;

namespace Lighter.Client.Submission;

/// <summary>What a failed <c>sendTx</c>/<c>sendTxBatch</c> answer says about the request.</summary>
internal static class SendFault
{
    /// <summary>
    /// The answer proves the request was not processed: a rate-limit refusal (429, 408, or a rate-limit code), an
    /// open circuit or a connection that never opened. Resending cannot execute anything twice.
    /// </summary>
    public static bool NotProcessed(LighterApiException ex) =>
        ex.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout
        // A rate-limit code refuses the request; other transient answers (e.g. a garbled 200) may follow execution.
        || (ex.Code is { } code && LighterErrorCodes.IsTransient(null, code))
        || ex.InnerException is BrokenCircuitException
        || ex.InnerException is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };

    /// <summary>The pipeline's circuit breaker is open: the request never left, and sending again must wait for it.</summary>
    public static bool IsCircuitOpen(LighterApiException ex) => ex.InnerException is BrokenCircuitException;

    /// <summary>No clear answer: the request may have been processed (5xx, timeout, broken connection).</summary>
    public static bool MayHaveLanded(LighterApiException ex) => ex.IsTransient && !NotProcessed(ex);

    /// <summary>A clear refusal of the transaction itself (4xx or a failure code on HTTP 200), other than "invalid nonce".</summary>
    public static bool IsRefusal(LighterApiException ex) => !ex.IsTransient && !ex.IsInvalidNonce;
}
