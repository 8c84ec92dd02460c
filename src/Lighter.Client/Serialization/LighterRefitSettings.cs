using Refit;

namespace Lighter.Client.Serialization;

/// <summary>The Refit settings the generated interfaces are meant to be used with.</summary>
public static class LighterRefitSettings
{
    /// <summary>
    /// Source-generated JSON (<see cref="LighterJsonContext"/>), lowercase booleans and wire enum strings in queries
    /// and forms. A failed call surfaces the pipeline's <see cref="LighterApiException"/> itself (Refit would wrap it in
    /// an <c>ApiRequestException</c>), and an unreadable body its <see cref="System.Text.Json.JsonException"/> (which
    /// names the type and property). Callers may adjust the returned instance before use.
    /// </summary>
    /// <returns>A new settings instance.</returns>
    public static RefitSettings Create() => new()
    {
        ContentSerializer = SystemTextJsonContentSerializer.ForContext(LighterJsonContext.Default),
        UrlParameterFormatter = new LighterUrlParameterFormatter(),
        FormUrlEncodedParameterFormatter = new LighterFormUrlEncodedParameterFormatter(),
        TransportExceptionFactory = static (request, exception, _) => exception is LighterApiException or OperationCanceledException
            ? exception
            : new LighterApiException(Http.OperationName.FromUri(request.RequestUri), null, null, null, isTransient: true, exception),
        DeserializationExceptionFactory = static (_, exception) => ValueTask.FromResult<Exception?>(exception)!,
    };
}
