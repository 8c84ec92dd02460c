using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lighter.Client.Serialization;

/// <summary>
/// Reads a decimal-valued wire string ("3024.66") as <see cref="decimal"/> and writes it back as the same string.
/// Generated models put it on every price, size, amount, balance and fee field.
/// </summary>
internal sealed class DecimalStringConverter : JsonConverter<decimal>
{
    /// <inheritdoc/>
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DecimalWire.Read(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        DecimalWire.Write(writer, value);
    }
}

/// <summary>The <see cref="DecimalStringConverter"/> for optional fields: JSON null reads as null.</summary>
internal sealed class NullableDecimalStringConverter : JsonConverter<decimal?>
{
    /// <inheritdoc/>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : DecimalWire.Read(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } v)
        {
            DecimalWire.Write(writer, v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
