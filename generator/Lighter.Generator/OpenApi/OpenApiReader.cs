using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lighter.Generator.OpenApi;

/// <summary>
/// Reads an OpenAPI 3.0 JSON document into an <see cref="ApiDocument"/>. Inline object schemas are hoisted into
/// named schemas so every object gets a class; format typos listed in <paramref name="formatFixes"/> are corrected
/// and parameter patches from the overlay are applied on the way in.
/// </summary>
internal sealed class OpenApiReader(
    IReadOnlyDictionary<string, string>? formatFixes = null,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, ParameterPatch>>? parameterPatches = null)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];
    private readonly List<ApiSchema> _hoisted = [];

    public static JsonObject LoadJson(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonNode.Parse(stream, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true })
                   as JsonObject
               ?? throw new InvalidDataException($"{path}: the document is not a JSON object.");
    }

    public ApiDocument Read(JsonObject root)
    {
        var schemas = new List<ApiSchema>();
        if (root["components"]?["schemas"] is JsonObject components)
        {
            foreach (var (name, node) in components)
            {
                schemas.Add(ReadSchema(name, node as JsonObject ?? new JsonObject()));
            }
        }

        var operations = new List<ApiOperation>();
        if (root["paths"] is JsonObject paths)
        {
            foreach (var (path, item) in paths)
            {
                foreach (var method in Methods)
                {
                    if (item?[method] is JsonObject op)
                    {
                        operations.Add(ReadOperation(path, method.ToUpperInvariant(), op, item["parameters"] as JsonArray));
                    }
                }
            }
        }

        schemas.AddRange(_hoisted);
        return new ApiDocument(operations, schemas);
    }

    private ApiOperation ReadOperation(string path, string method, JsonObject op, JsonArray? shared)
    {
        var id = (string?)op["operationId"] ?? $"{method.ToLowerInvariant()}{path.Replace('/', '_')}";
        var tag = (op["tags"] as JsonArray)?.FirstOrDefault()?.GetValue<string>() ?? "default";
        var patches = parameterPatches?.GetValueOrDefault(id);
        var parameters = new List<ApiParameter>();
        foreach (var p in (shared ?? []).Concat(op["parameters"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = (string)p["name"]!;
            var patch = patches?.GetValueOrDefault(name);
            var location = patch?.In ?? (string)p["in"]!;
            var schema = p["schema"] as JsonObject ?? new JsonObject();
            parameters.Add(new ApiParameter(
                name,
                location,
                patch?.Required ?? (location == "path" || ((bool?)p["required"] ?? false)),
                ReadType(schema, $"{id}_{name}"),
                (string?)p["description"],
                ScalarText(schema["default"]),
                (bool?)p["explode"] ?? true));
        }

        ApiRequestBody? body = null;
        if (op["requestBody"] is JsonObject rb && rb["content"] is JsonObject content && content.Count > 0)
        {
            var first = content.First().Value as JsonObject;
            body = new ApiRequestBody(
                content.Select(c => c.Key).ToList(),
                ReadType(first?["schema"] as JsonObject ?? new JsonObject(), $"{id}_request"),
                (bool?)rb["required"] ?? false);
        }

        ApiType? response = null;
        var ok = op["responses"]?["200"] ?? op["responses"]?["201"];
        if (ok?["content"] is JsonObject okContent && okContent.FirstOrDefault().Value?["schema"] is JsonObject okSchema)
        {
            response = ReadType(okSchema, $"{id}_response");
        }

        return new ApiOperation(id, method, path, tag, (string?)op["summary"], (string?)op["description"],
            parameters, body, response);
    }

    private ApiSchema ReadSchema(string name, JsonObject schema)
    {
        var required = (schema["required"] as JsonArray)?.Select(r => (string?)r).ToHashSet() ?? [];
        var properties = new List<ApiProperty>();
        if (schema["properties"] is JsonObject props)
        {
            foreach (var (propName, propNode) in props)
            {
                var prop = propNode as JsonObject ?? new JsonObject();
                properties.Add(new ApiProperty(
                    propName,
                    ReadType(prop, $"{name}_{propName}"),
                    required.Contains(propName),
                    (string?)prop["description"],
                    ScalarText(prop["default"])));
            }
        }

        return new ApiSchema(name, (string?)schema["description"] ?? (string?)schema["title"], properties);
    }

    private ApiType ReadType(JsonObject schema, string hoistName)
    {
        if ((string?)schema["$ref"] is { } reference)
        {
            return new ApiType(ApiKind.Ref, RefName: reference[(reference.LastIndexOf('/') + 1)..]);
        }

        var type = (string?)schema["type"];
        var format = (string?)schema["format"];
        if (format is not null && formatFixes?.TryGetValue(format, out var fixedFormat) == true)
        {
            format = fixedFormat;
        }

        var example = ScalarText(schema["example"]);
        var values = (schema["enum"] as JsonArray)?.Select(v => ScalarText(v) ?? "null").ToList();
        switch (type)
        {
            case "string":
                return new ApiType(ApiKind.String, format, Enum: values, Example: example);
            case "integer":
                return new ApiType(ApiKind.Integer, format, Example: example);
            case "number":
                return new ApiType(ApiKind.Number, format, Example: example);
            case "boolean":
                return new ApiType(ApiKind.Boolean);
            case "array":
                return new ApiType(ApiKind.Array,
                    Items: ReadType(schema["items"] as JsonObject ?? new JsonObject(), hoistName + "_item"));
        }

        if (schema["properties"] is JsonObject { Count: > 0 })
        {
            var hoisted = ReadSchema(Lighter.Generator.CSharp.Naming.Pascal(hoistName), schema);
            _hoisted.Add(hoisted);
            return new ApiType(ApiKind.Ref, RefName: hoisted.Name);
        }

        if (schema["additionalProperties"] is JsonObject valueSchema)
        {
            return new ApiType(ApiKind.Map, Items: ReadType(valueSchema, hoistName + "_value"));
        }

        return new ApiType(ApiKind.Any);
    }

    private static string? ScalarText(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}

/// <summary>An overlay correction for one parameter of one operation.</summary>
internal sealed record ParameterPatch(string? In, bool? Required);
