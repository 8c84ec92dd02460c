using System.Text.Json.Nodes;

namespace Lighter.Generator.AsyncApi;

/// <summary>
/// Applies an overlay document (OpenAPI Overlay 1.0 shape: <c>actions[].target</c> + <c>actions[].update</c>) to
/// the AsyncAPI document. Targets are restricted JSONPath: <c>$</c> followed by <c>.name</c> segments.
/// </summary>
internal static class AsyncApiOverlay
{
    public static void Apply(JsonObject document, JsonObject overlay)
    {
        if (overlay["actions"] is not JsonArray actions)
        {
            throw new InvalidDataException("Overlay: 'actions' must be an array.");
        }

        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i] as JsonObject ?? throw new InvalidDataException($"Overlay: actions[{i}] must be an object.");
            var target = action["target"]?.GetValue<string>() ?? throw new InvalidDataException($"Overlay: actions[{i}].target is missing.");
            var update = action["update"] as JsonObject ?? throw new InvalidDataException($"Overlay: actions[{i}].update must be an object.");
            Merge(Resolve(document, target, i), update);
        }
    }

    private static JsonObject Resolve(JsonObject document, string target, int index)
    {
        if (!target.StartsWith("$.", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Overlay: actions[{index}].target '{target}' must start with '$.'.");
        }

        JsonObject node = document;
        foreach (var segment in target[2..].Split('.'))
        {
            node = node[segment] as JsonObject
                ?? throw new InvalidDataException($"Overlay: actions[{index}].target '{target}': '{segment}' does not exist in the document.");
        }

        return node;
    }

    /// <summary>Deep merge: objects merge key by key, anything else replaces.</summary>
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
