using System.Diagnostics;
using Lighter.Client.Diagnostics;

namespace Lighter.Client.Http;

/// <summary>
/// Outermost handler: one span and one request count per REST call. Only the operation, method and route
/// (the path, never the query, which may carry the <c>auth</c> token) are tagged; nothing is built when nobody listens.
/// </summary>
internal sealed class TelemetryHandler : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var metered = LighterTelemetry.RestRequests.Enabled || LighterTelemetry.RestDuration.Enabled;
        if (!metered && !LighterTelemetry.RestThrottled.Enabled && !LighterTelemetry.Source.HasListeners())
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var operation = OperationName.FromUri(request.RequestUri);
        var method = request.Method.Method;
        using var activity = LighterTelemetry.Source.StartActivity("lighter.rest " + operation, ActivityKind.Client);
        activity?.SetTag("lighter.operation", operation);
        activity?.SetTag("http.request.method", method);
        activity?.SetTag("url.template", Route(request.RequestUri));
        var started = Stopwatch.GetTimestamp();
        int? status = null;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = (int)response.StatusCode;
            return response;
        }
        catch (LighterApiException ex)
        {
            status = ex.StatusCode is { } s ? (int)s : null;
            activity?.SetTag("lighter.result_code", ex.Code);
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
        finally
        {
            activity?.SetTag("http.response.status_code", status);
            if (status == 429) LighterTelemetry.Throttled(operation); // retried 429s are counted by the retry strategy
            if (metered)
            {
                var tags = new TagList
                {
                    { "lighter.operation", operation },
                    { "http.request.method", method },
                    { "http.response.status_code", status },
                };
                LighterTelemetry.RestRequests.Add(1, tags);
                LighterTelemetry.RestDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            }
        }
    }

    /// <summary>The path without query or fragment, so an <c>auth</c> query value never reaches a tag.</summary>
    internal static string Route(Uri? uri)
    {
        if (uri is null) return "unknown";
        return uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?', '#')[0];
    }
}
