using System.Text.Json.Nodes;

namespace Lighter.Generator.AsyncApi;

/// <summary>A record the emitter writes: a message, a shared schema, or an inline object.</summary>
internal sealed record RecordModel(string Name, string Summary, string? BaseType, string? MessageType, IReadOnlyList<PropertyModel> Properties);

/// <summary>One property of an emitted record.</summary>
internal sealed record PropertyModel(string JsonName, string Name, string Type, string Summary);

/// <summary>
/// Maps AsyncAPI payload schemas to C# types. Shared schemas become <c>Ws*</c> records unless the REST model of the
/// same name has the same shape; inline objects with properties become records (deduplicated by shape); open
/// objects and <c>oneOf</c> stay <see cref="System.Text.Json.JsonElement"/> so nothing the server sends is lost.
/// </summary>
internal sealed class StreamTypeMapper(JsonObject document, RestModelCatalog restModels)
{
    private readonly Dictionary<string, string> _shapes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _schemaTypes = new(StringComparer.Ordinal);

    public List<RecordModel> Records { get; } = [];

    public IReadOnlyDictionary<string, string> SchemaTypes => _schemaTypes;

    /// <summary>Properties of an object schema; <paramref name="skip"/> names properties the base record declares.</summary>
    public List<PropertyModel> Properties(JsonObject schema, string ownerName, params string[] skip)
    {
        var result = new List<PropertyModel>();
        foreach (var (jsonName, node) in schema["properties"] as JsonObject ?? [])
        {
            if (skip.Contains(jsonName) || node is not JsonObject property)
            {
                continue;
            }

            var name = CSharpNames.Pascal(jsonName);
            if (name == ownerName || name == "AdditionalProperties")
            {
                name += "Value";
            }

            var summary = property["description"]?.GetValue<string>() is { } text ? CSharpNames.Xml(text) : $"Wire field <c>{jsonName}</c>.";
            result.Add(new PropertyModel(jsonName, name, Map(property, ownerName + name) + "?", summary));
        }

        return result;
    }

    public string Map(JsonObject schema, string suggestedName)
    {
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            return Schema(reference);
        }

        if (schema["oneOf"] is not null || schema["anyOf"] is not null || schema["allOf"] is not null)
        {
            return "global::System.Text.Json.JsonElement";
        }

        if (schema["const"] is not null)
        {
            return "string";
        }

        var type = schema["type"]?.GetValue<string>();
        return type switch
        {
            "string" => "string",
            "integer" => "long",
            "number" => "decimal",
            "boolean" => "bool",
            "array" when schema["items"] is JsonObject items =>
                $"global::System.Collections.Generic.IReadOnlyList<{Map(items, Singular(suggestedName))}>",
            "object" => Object(schema, suggestedName),
            _ => "global::System.Text.Json.JsonElement",
        };
    }

    private string Object(JsonObject schema, string suggestedName)
    {
        if (schema["properties"] is JsonObject { Count: > 0 })
        {
            var shape = schema.ToJsonString();
            if (_shapes.TryGetValue(shape, out var existing))
            {
                return existing;
            }

            var name = schema["x-csharp-name"]?.GetValue<string>() ?? suggestedName;
            _shapes[shape] = name;
            var summary = schema["description"]?.GetValue<string>() is { } text ? CSharpNames.Xml(text) : $"Object carried by <c>{name}</c> frames.";
            Records.Add(new RecordModel(name, summary, null, null, Properties(schema, name)));
            return name;
        }

        if (schema["additionalProperties"] is JsonObject values)
        {
            return $"global::System.Collections.Generic.IReadOnlyDictionary<string, {Map(values, suggestedName + "Entry")}>";
        }

        return "global::System.Text.Json.JsonElement";
    }

    private string Schema(string reference)
    {
        if (_schemaTypes.TryGetValue(reference, out var known))
        {
            return known;
        }

        var schemaName = reference[(reference.LastIndexOf('/') + 1)..];
        var schema = AsyncApiReader.Pointer(document, reference) as JsonObject
            ?? throw new InvalidDataException($"AsyncAPI: schema '{reference}' is not an object.");
        if (restModels.TryReuse(schemaName, schema, out var restType))
        {
            return _schemaTypes[reference] = restType;
        }

        var name = "Ws" + CSharpNames.Pascal(schemaName);
        _schemaTypes[reference] = name;
        var summary = schema["description"]?.GetValue<string>() is { } text ? CSharpNames.Xml(text) : $"The <c>{schemaName}</c> schema of the WebSocket API.";
        Records.Add(new RecordModel(name, summary, null, null, Properties(schema, name)));
        return name;
    }

    private static string Singular(string name) => name.EndsWith('s') ? name[..^1] : name + "Item";
}
