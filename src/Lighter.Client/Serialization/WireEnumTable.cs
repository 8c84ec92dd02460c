using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Lighter.Client.Serialization;

/// <summary>
/// The wire strings of one generated enum. Member value <c>i</c> (1-based) is wire string <c>i - 1</c>; value 0 is
/// <c>Unrecognized</c>, what any string this SDK version does not know reads as (so a new server-side value never
/// breaks deserialization).
/// </summary>
/// <typeparam name="TEnum">A generated enum (underlying type <see cref="int"/>).</typeparam>
internal sealed class WireEnumTable<TEnum>
    where TEnum : struct, Enum
{
    private readonly string[] _wire;
    private readonly byte[][] _utf8;
    private readonly JsonEncodedText[] _encoded;

    /// <summary>Creates the table from the wire strings in member order.</summary>
    /// <param name="wireValues">The wire string of member 1, 2, ...</param>
    public WireEnumTable(params string[] wireValues)
    {
        ArgumentNullException.ThrowIfNull(wireValues);
        if (Unsafe.SizeOf<TEnum>() != sizeof(int))
        {
            throw new ArgumentException($"{typeof(TEnum).Name} must have int as its underlying type.", nameof(wireValues));
        }

        _wire = wireValues;
        _utf8 = Array.ConvertAll(wireValues, Encoding.UTF8.GetBytes);
        _encoded = Array.ConvertAll(wireValues, w => JsonEncodedText.Encode(w));
    }

    /// <summary>The wire strings in member order.</summary>
    public IReadOnlyList<string> WireValues => _wire;

    /// <summary>The exact wire string of <paramref name="value"/>.</summary>
    /// <param name="value">A known member.</param>
    /// <returns>The string the server uses.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is <c>Unrecognized</c> or not a member.</exception>
    public string ToWire(TEnum value) => _wire[IndexOf(value)];

    /// <summary>Looks up the member for a wire string (case-sensitive, as on the wire).</summary>
    /// <param name="wire">The wire string.</param>
    /// <param name="value">The member, or <c>Unrecognized</c> (0) when the string is unknown.</param>
    /// <returns>True when the string is known.</returns>
    public bool TryParse(string wire, out TEnum value)
    {
        var index = Array.IndexOf(_wire, wire);
        value = FromIndex(index);
        return index >= 0;
    }

    internal TEnum Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return default;
        }

        for (var i = 0; i < _utf8.Length; i++)
        {
            if (reader.ValueTextEquals(_utf8[i]))
            {
                return FromIndex(i);
            }
        }

        return default;
    }

    internal void Write(Utf8JsonWriter writer, TEnum value)
    {
        var number = Unsafe.As<TEnum, int>(ref value);
        if (number < 1 || number > _encoded.Length)
        {
            throw new JsonException($"{typeof(TEnum).Name}.{value} has no wire value: Unrecognized only stands for a " +
                                    "value this SDK version did not know, and cannot be sent.");
        }

        writer.WriteStringValue(_encoded[number - 1]);
    }

    private int IndexOf(TEnum value)
    {
        var number = Unsafe.As<TEnum, int>(ref value);
        return number >= 1 && number <= _wire.Length
            ? number - 1
            : throw new ArgumentOutOfRangeException(nameof(value), value,
                $"{typeof(TEnum).Name}.{value} has no wire value (Unrecognized cannot be sent).");
    }

    private static TEnum FromIndex(int index)
    {
        var number = index + 1;
        return Unsafe.As<int, TEnum>(ref number);
    }
}

/// <summary>JSON converter base of the generated enums: exact wire strings, unknown values tolerated.</summary>
/// <typeparam name="TEnum">A generated enum.</typeparam>
internal abstract class WireEnumConverter<TEnum> : System.Text.Json.Serialization.JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private readonly WireEnumTable<TEnum> _table;

    /// <summary>Creates the converter over the enum's wire table.</summary>
    /// <param name="table">The generated table.</param>
    protected WireEnumConverter(WireEnumTable<TEnum> table) => _table = table;

    /// <inheritdoc/>
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        _table.Read(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _table.Write(writer, value);
    }
}
