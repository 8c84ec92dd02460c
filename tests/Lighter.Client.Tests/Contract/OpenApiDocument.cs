using System.Text.Json.Nodes;

namespace Lighter.Client.Tests.Contract;

/// <summary>One operation of an OpenAPI document, read at test time (the theory's case).</summary>
public sealed record SpecOperation(string OperationId, string Method, string Path)
{
    public override string ToString() => $"{OperationId} ({Method} {Path})";
}

/// <summary>An OpenAPI 3 document as JSON: its operations, parameters, bodies and response schemas.</summary>
internal sealed class OpenApiDocument(JsonObject root)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    public static OpenApiDocument Load(string path) =>
        new(JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InvalidDataException($"{path} is not a JSON object"));

    public IReadOnlyList<SpecOperation> Operations() =>
        (root["paths"] as JsonObject ?? [])
        .SelectMany(p => Methods.Where(m => p.Value?[m] is JsonObject)
            .Select(m => new SpecOperation((string)p.Value![m]!["operationId"]!, m.ToUpperInvariant(), p.Key)))
        .ToList();

    public JsonObject Node(SpecOperation op) => (JsonObject)root["paths"]![op.Path]![op.Method.ToLowerInvariant()]!;

    public IReadOnlyList<JsonObject> Parameters(SpecOperation op) =>
        (Node(op)["parameters"] as JsonArray ?? []).OfType<JsonObject>().Select(Resolve).ToList();

    /// <summary>Content type → body schema, in the document's order.</summary>
    public IReadOnlyList<(string ContentType, JsonObject Schema)> Bodies(SpecOperation op) =>
        (Node(op)["requestBody"]?["content"] as JsonObject ?? [])
        .Select(c => (c.Key, Resolve((JsonObject)c.Value!["schema"]!)))
        .ToList();

    public JsonObject? Response(SpecOperation op, string status) =>
        (Node(op)["responses"]?[status]?["content"] as JsonObject)?.FirstOrDefault().Value?["schema"] as JsonObject;

    /// <summary>Follows a local <c>$ref</c> (<c>#/components/...</c>); any other schema is returned as is.</summary>
    public JsonObject Resolve(JsonObject schema)
    {
        while ((string?)schema["$ref"] is { } reference)
        {
            JsonNode? node = root;
            foreach (var part in reference.TrimStart('#', '/').Split('/'))
            {
                node = node?[part];
            }

            schema = node as JsonObject ?? throw new InvalidDataException($"dangling $ref {reference}");
        }

        return schema;
    }
}
