using Refit;

namespace Lighter.Client.Serialization;

/// <summary>The Refit settings the generated interfaces are meant to be used with.</summary>
public static class LighterRefitSettings
{
    /// <summary>
    /// Source-generated JSON (<see cref="LighterJsonContext"/>), lowercase booleans and wire enum strings in queries
    /// and forms. A response that does not match its model (e.g. a required field is missing) throws the
    /// <see cref="System.Text.Json.JsonException"/> itself, whose message names the type and the field, rather
    /// than Refit's generic "error deserializing the response". Callers may adjust the returned instance
    /// (exception factory, handlers) before use.
    /// </summary>
    /// <returns>A new settings instance.</returns>
    public static RefitSettings Create() => new()
    {
        ContentSerializer = SystemTextJsonContentSerializer.ForContext(LighterJsonContext.Default),
        UrlParameterFormatter = new LighterUrlParameterFormatter(),
        FormUrlEncodedParameterFormatter = new LighterFormUrlEncodedParameterFormatter(),
        DeserializationExceptionFactory = static (_, exception) => ValueTask.FromResult<Exception?>(exception),
    };
}
