using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lighter.Client.Serialization;

/// <summary>A JSON array of decimal strings (<c>["3024.66","3025.1"]</c>) as exact <see cref="decimal"/> values.</summary>
internal sealed class DecimalStringListConverter : JsonConverter<IReadOnlyList<decimal>>
{
    /// <inheritdoc/>
    public override IReadOnlyList<decimal> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException(null, new FormatException($"Expected an array of decimal strings but found {reader.TokenType}."));
        }

        var values = new List<decimal>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(DecimalWire.Read(ref reader));
        }

        return values;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<decimal> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var item in value)
        {
            DecimalWire.Write(writer, item);
        }

        writer.WriteEndArray();
    }
}

/// <summary>A JSON object whose values are decimal strings (<c>{"1":"3024.66"}</c>) as exact <see cref="decimal"/> values.</summary>
internal sealed class DecimalStringMapConverter : JsonConverter<IReadOnlyDictionary<string, decimal>>
{
    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, decimal> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException(null, new FormatException($"Expected an object of decimal strings but found {reader.TokenType}."));
        }

        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            values[key] = DecimalWire.Read(ref reader);
        }

        return values;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, decimal> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        foreach (var (key, item) in value)
        {
            writer.WritePropertyName(key);
            DecimalWire.Write(writer, item);
        }

        writer.WriteEndObject();
    }
}
