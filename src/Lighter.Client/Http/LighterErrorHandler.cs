using System.Net;
using System.Net.Http.Headers;
using Lighter.Client.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Lighter.Client.Http;

/// <summary>
/// Outermost handler: turns every unsuccessful answer into a <see cref="LighterApiException"/> — non-2xx statuses,
/// JSON bodies whose top-level <c>code</c> is not 200 (the exchange answers some errors with HTTP 200), timeouts,
/// open circuits and connection faults — each naming the operation.
/// </summary>
internal sealed class LighterErrorHandler : DelegatingHandler
{
    private readonly ILogger _logger;

    /// <summary>Creates the handler.</summary>
    public LighterErrorHandler(ILogger<LighterErrorHandler>? logger = null)
    {
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var operation = OperationName.FromUri(request.RequestUri);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Wrap(operation, ex, cancellationToken) is { } wrapped)
        {
            LighterLog.TransportFault(_logger, operation, ex.GetType().Name);
            throw wrapped;
        }

        if (response.IsSuccessStatusCode && (response.StatusCode == HttpStatusCode.NoContent || !IsJson(response.Content.Headers.ContentType)))
        {
            return response;
        }

        byte[] body;
        try
        {
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Wrap(operation, ex, cancellationToken) is { } wrapped)
        {
            response.Dispose();
            throw wrapped;
        }

        var (code, message, wellFormed) = ResultCodeReader.Read(body);
        var status = response.StatusCode;
        if (response.IsSuccessStatusCode && !wellFormed)
        {
            response.Dispose();
            LighterLog.RequestFailed(_logger, operation, (int)status, 0, true);
            throw new LighterApiException(operation, status, null, "the response body is not well-formed JSON", isTransient: true);
        }

        if (response.IsSuccessStatusCode && (code is null or LighterErrorCodes.Success))
        {
            return response;
        }

        message ??= code is null ? ResultCodeReader.Excerpt(body) : null;
        var retryAfter = RetryAfterOf(response);
        response.Dispose();
        var transient = LighterErrorCodes.IsTransient(status, code);
        LighterLog.RequestFailed(_logger, operation, (int)status, code ?? 0, transient);
        throw new LighterApiException(operation, status, code, message, transient) { RetryAfter = retryAfter };
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when response.Headers.Date is { } now => date - now > TimeSpan.Zero ? date - now : TimeSpan.Zero,
        _ => null,
    };

    private static bool IsJson(MediaTypeHeaderValue? type) =>
        type?.MediaType is null || type.MediaType.Contains("json", StringComparison.OrdinalIgnoreCase);

    private static LighterApiException? Wrap(string operation, Exception ex, CancellationToken cancellationToken) => ex switch
    {
        LighterApiException => null,
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        TimeoutRejectedException => new LighterApiException(operation, null, null, "timed out", isTransient: true, ex),
        BrokenCircuitException => new LighterApiException(operation, null, null, "circuit open after repeated failures", isTransient: true, ex),
        HttpRequestException http => new LighterApiException(operation, http.StatusCode, null, $"transport fault ({http.HttpRequestError})", isTransient: true, ex),
        OperationCanceledException => new LighterApiException(operation, null, null, "timed out", isTransient: true, ex),
        IOException => new LighterApiException(operation, null, null, "transport fault (I/O)", isTransient: true, ex),
        _ => null,
    };
}
