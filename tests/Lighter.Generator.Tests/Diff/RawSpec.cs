using System.Text.Json.Nodes;

namespace Lighter.Generator.Tests.Diff;

/// <summary>
/// An OpenAPI document read with plain <see cref="JsonNode"/>, independently of the generator, so the diff tests
/// derive what must be reported from the documents themselves.
/// </summary>
internal sealed class RawSpec
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    public RawSpec(string path)
    {
        Root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        foreach (var (route, item) in Root["paths"]!.AsObject())
        {
            foreach (var method in Methods.Where(m => item![m] is JsonObject))
            {
                Operations[$"{method.ToUpperInvariant()} {route}"] = item![method]!.AsObject();
            }
        }
    }

    public JsonObject Root { get; }

    /// <summary>"GET /api/v1/candles" → the operation object.</summary>
    public Dictionary<string, JsonObject> Operations { get; } = new(StringComparer.Ordinal);

    public JsonObject? Schema(string name) => Root["components"]?["schemas"]?[name] as JsonObject;

    /// <summary>The parameters of an operation with every <c>description</c> removed.</summary>
    public static JsonArray ParametersWithoutDescriptions(JsonObject operation)
    {
        var copy = (operation["parameters"]?.DeepClone() as JsonArray) ?? [];
        foreach (var p in copy.OfType<JsonObject>())
        {
            p.Remove("description");
        }

        return copy;
    }

    /// <summary>What the generator reads of an operation itself (its referenced schemas aside).</summary>
    public static JsonObject Definition(JsonObject operation) => new()
    {
        ["operationId"] = operation["operationId"]?.DeepClone(),
        ["tags"] = operation["tags"]?.DeepClone(),
        ["summary"] = operation["summary"]?.DeepClone(),
        ["description"] = operation["description"]?.DeepClone(),
        ["parameters"] = operation["parameters"]?.DeepClone(),
        ["requestBody"] = operation["requestBody"]?.DeepClone(),
        ["ok"] = operation["responses"]?["200"]?["content"]?.DeepClone(),
    };

    /// <summary>The schema names an operation's request body refers to directly.</summary>
    public static IEnumerable<string> BodySchemas(JsonObject operation) =>
        (operation["requestBody"]?["content"] as JsonObject ?? [])
            .Select(c => (string?)c.Value?["schema"]?["$ref"])
            .OfType<string>()
            .Select(r => r[(r.LastIndexOf('/') + 1)..]);
}
