using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lighter.Client.Tests.Contract;

/// <summary>
/// Validates JSON against the subset of JSON Schema the AsyncAPI document uses: <c>type</c>, <c>required</c>,
/// <c>properties</c>, <c>additionalProperties</c> (as a value schema), <c>items</c>, <c>enum</c>, <c>const</c>,
/// <c>oneOf</c> and local <c>$ref</c>. Returns every violation with its JSON path.
/// </summary>
internal sealed class SchemaChecker(Func<JsonObject, JsonObject> resolve)
{
    public IReadOnlyList<string> Check(JsonElement value, JsonObject schema)
    {
        var found = new List<string>();
        Check(value, schema, "$", found);
        return found;
    }

    private void Check(JsonElement value, JsonObject schema, string path, List<string> found)
    {
        schema = resolve(schema);
        if (schema["oneOf"] is JsonArray choices)
        {
            var matching = choices.Count(c => Check(value, (JsonObject)c!).Count == 0);
            if (matching != 1)
            {
                found.Add($"{path}: matches {matching} of the {choices.Count} oneOf schemas, not exactly one");
            }

            return;
        }

        if (schema["const"] is { } constant && !JsonNode.DeepEquals(JsonNode.Parse(value.GetRawText()), constant))
        {
            found.Add($"{path}: expected the constant {constant.ToJsonString()}, got {value.GetRawText()}");
        }

        if (schema["enum"] is JsonArray values && !values.Any(v => JsonNode.DeepEquals(JsonNode.Parse(value.GetRawText()), v)))
        {
            found.Add($"{path}: {value.GetRawText()} is not one of {values.ToJsonString()}");
        }

        if ((string?)schema["type"] is { } type && !HasType(value, type))
        {
            found.Add($"{path}: expected {type}, got {value.ValueKind}");
            return;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            CheckObject(value, schema, path, found);
        }
        else if (value.ValueKind == JsonValueKind.Array && schema["items"] is JsonObject items)
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(item, items, $"{path}[{i++}]", found);
            }
        }
    }

    private void CheckObject(JsonElement value, JsonObject schema, string path, List<string> found)
    {
        foreach (var name in (schema["required"] as JsonArray ?? []).Select(r => (string)r!))
        {
            if (!value.TryGetProperty(name, out _))
            {
                found.Add($"{path}: required property '{name}' is missing");
            }
        }

        var properties = schema["properties"] as JsonObject ?? [];
        foreach (var property in value.EnumerateObject())
        {
            if (properties[property.Name] is JsonObject propertySchema)
            {
                Check(property.Value, propertySchema, $"{path}.{property.Name}", found);
            }
            else if (schema["additionalProperties"] is JsonObject valueSchema)
            {
                Check(property.Value, valueSchema, $"{path}.{property.Name}", found);
            }
            else if (schema["additionalProperties"] is JsonValue allowed && !(bool)allowed)
            {
                found.Add($"{path}.{property.Name}: not allowed (additionalProperties: false)");
            }
        }
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => throw new NotSupportedException($"schema type '{type}'"),
    };
}
