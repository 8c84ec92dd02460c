using System.Text.Json.Nodes;

namespace Lighter.Client.Tests.Contract;

/// <summary>One message of the AsyncAPI document (the WebSocket theory's case).</summary>
internal sealed record SpecMessage(string Name, string MessageType, JsonObject Payload);

/// <summary>
/// The AsyncAPI document as the generator sees it: <c>spec/asyncapi.json</c> with <c>spec/asyncapi.overlay.json</c>
/// applied (its actions merge objects into <c>$.a.b.c</c> targets; the overlay adds what the live exchange sends).
/// </summary>
internal sealed class AsyncApiDocument
{
    private readonly JsonObject _root;

    private AsyncApiDocument(JsonObject root) => _root = root;

    public static AsyncApiDocument Load(string path, string? overlayPath = null)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        if (overlayPath is not null)
        {
            foreach (var action in JsonNode.Parse(File.ReadAllText(overlayPath))!["actions"]!.AsArray())
            {
                var target = root as JsonNode;
                foreach (var part in ((string)action!["target"]!).TrimStart('$', '.').Split('.'))
                {
                    target = target?[part];
                }

                Merge((JsonObject)target!, (JsonObject)action["update"]!);
            }
        }

        return new AsyncApiDocument(root);
    }

    public static AsyncApiDocument LoadWithOverlay() =>
        Load(SpecFiles.AsyncApi, Path.Combine(SpecFiles.RepoRoot, "spec", "asyncapi.overlay.json"));

    public IReadOnlyList<SpecMessage> Messages() =>
        _root["components"]!["messages"]!.AsObject()
            .Select(m => new SpecMessage(m.Key, (string)m.Value!["x-message-type"]!, m.Value["payload"]!.AsObject()))
            .ToList();

    public JsonObject Resolve(JsonObject schema)
    {
        while ((string?)schema["$ref"] is { } reference)
        {
            JsonNode? node = _root;
            foreach (var part in reference.TrimStart('#', '/').Split('/'))
            {
                node = node?[part];
            }

            schema = node as JsonObject ?? throw new InvalidDataException($"dangling $ref {reference}");
        }

        return schema;
    }

    private static void Merge(JsonObject target, JsonObject update)
    {
        foreach (var (key, value) in update)
        {
            if (value is JsonObject child && target[key] is JsonObject existing)
            {
                Merge(existing, child);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }
}
