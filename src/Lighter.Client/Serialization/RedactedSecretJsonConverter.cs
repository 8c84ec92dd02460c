using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lighter.Client.Serialization;

/// <summary>
/// Keeps a secret string (a private key, an auth token) out of System.Text.Json output: a non-null value is written
/// as <see cref="Marker"/>, <see langword="null"/> stays <c>null</c> (so a dump still shows whether the secret is set).
/// Reading accepts a real value, but refuses the marker with a <see cref="JsonException"/>: a redacted dump read back
/// must fail loudly rather than carry <c>"&lt;redacted&gt;"</c> as if it were the secret.
/// </summary>
internal sealed class RedactedSecretJsonConverter : JsonConverter<string>
{
    /// <summary>The text written in place of the secret.</summary>
    public const string Marker = "<redacted>";

    /// <inheritdoc />
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A secret must be a JSON string.");
        }

        var value = reader.GetString();
        return value == Marker
            ? throw new JsonException("The secret was redacted when it was serialized; supply the real value.")
            : value;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Marker);
    }
}
