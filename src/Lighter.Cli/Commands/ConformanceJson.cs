using System.Text.Json;

namespace Lighter.Cli.Commands;

/// <summary>
/// Typed reads of vector-file properties for the conformance checks: a missing property or a value of the wrong JSON
/// type is a <see cref="FormatException"/> that names the property (reported as one FAIL line, never a stack trace).
/// </summary>
internal static class ConformanceJson
{
    /// <summary>A required string property; a missing, null or non-string value is a <see cref="FormatException"/> naming it.</summary>
    public static string Text(this JsonElement element, string property) =>
        element.Field(property) is { ValueKind: JsonValueKind.String } value
            ? value.GetString()!
            : throw new FormatException($"'{property}' must be a string");

    /// <summary>A required property of an object; anything else is a <see cref="FormatException"/> naming it.</summary>
    public static JsonElement Field(this JsonElement element, string property)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"expected an object holding '{property}', found {element.ValueKind}");
        }

        return element.TryGetProperty(property, out var value)
            ? value
            : throw new FormatException($"'{property}' is missing");
    }

    public static long I64(this JsonElement element, string property) =>
        element.Field(property) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var n)
            ? n
            : throw new FormatException($"'{property}' must be a 64-bit integer");

    public static int I32(this JsonElement element, string property) =>
        element.Field(property) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var n)
            ? n
            : throw new FormatException($"'{property}' must be a 32-bit integer");

    public static uint U32(this JsonElement element, string property) =>
        element.Field(property) is { ValueKind: JsonValueKind.Number } value && value.TryGetUInt32(out var n)
            ? n
            : throw new FormatException($"'{property}' must be an unsigned 32-bit integer");

    public static byte U8(this JsonElement element, string property) =>
        element.Field(property) is { ValueKind: JsonValueKind.Number } value && value.TryGetByte(out var n)
            ? n
            : throw new FormatException($"'{property}' must be an integer 0..255");

    public static bool Bool(this JsonElement element, string property) =>
        element.Field(property).ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new FormatException($"'{property}' must be true or false"),
        };

    public static JsonElement.ArrayEnumerator Array(this JsonElement element, string property) =>
        element.Field(property) is { ValueKind: JsonValueKind.Array } value
            ? value.EnumerateArray()
            : throw new FormatException($"'{property}' must be an array");
}
