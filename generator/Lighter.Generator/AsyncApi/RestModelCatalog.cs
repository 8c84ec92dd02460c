using System.Text.Json.Nodes;

namespace Lighter.Generator.AsyncApi;

/// <summary>
/// Decides whether an AsyncAPI schema can reuse the generated REST model of the same name: every WebSocket property
/// must exist in the REST schema with the same JSON type, and every property the REST schema requires must be
/// present in the WebSocket schema (so a WebSocket payload always satisfies the REST model).
/// </summary>
internal sealed class RestModelCatalog(JsonObject? openApi, string modelsNamespace)
{
    public static RestModelCatalog None { get; } = new(null, "");

    public bool TryReuse(string schemaName, JsonObject wsSchema, out string typeName)
    {
        typeName = "";
        if (openApi?["components"]?["schemas"]?[schemaName] is not JsonObject rest
            || rest["properties"] is not JsonObject restProperties
            || wsSchema["properties"] is not JsonObject wsProperties)
        {
            return false;
        }

        foreach (var (name, node) in wsProperties)
        {
            if (restProperties[name] is not JsonObject restProperty
                || JsonType(node) is not { } wsType
                || wsType != JsonType(restProperty)
                || node?["enum"] is not null != restProperty["enum"] is not null)
            {
                return false;
            }
        }

        foreach (var required in rest["required"] as JsonArray ?? [])
        {
            if (required?.GetValue<string>() is { } name && !wsProperties.ContainsKey(name))
            {
                return false;
            }
        }

        typeName = $"global::{modelsNamespace}.{CSharpNames.Pascal(schemaName)}";
        return true;
    }

    private static string? JsonType(JsonNode? schema) => schema?["type"]?.GetValue<string>();
}
