using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lighter.Client.Streaming;

/// <summary>
/// Base of every generated WebSocket message record. Fields the AsyncAPI document does not declare are kept in
/// <see cref="AdditionalProperties"/> instead of being dropped.
/// </summary>
public abstract record LighterStreamMessage
{
    /// <summary>The <c>type</c> discriminator, e.g. <c>update/order_book</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Fields the server sent that the document does not describe (new server fields surface here).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; init; }
}

/// <summary>Serializer settings for the generated stream records.</summary>
internal static class LighterStreamJson
{
    /// <summary>
    /// Tolerant options: numbers may arrive quoted, unknown fields go to extension data, nulls are omitted on write.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
