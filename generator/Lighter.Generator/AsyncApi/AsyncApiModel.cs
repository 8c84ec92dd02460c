using System.Text.Json.Nodes;

namespace Lighter.Generator.AsyncApi;

/// <summary>A channel of the AsyncAPI document (e.g. <c>order_book</c> at <c>order_book/{market_id}</c>).</summary>
internal sealed record ChannelModel(
    string Key,
    string Address,
    string? Title,
    string? Description,
    IReadOnlyList<(string Name, string? Description)> Parameters,
    IReadOnlyList<MessageModel> Messages,
    bool RequiresAuth)
{
    public bool IsControl => Key.StartsWith('_');
}

/// <summary>A message of the document with its <c>x-message-type</c> discriminator and direction.</summary>
internal sealed record MessageModel(string Name, string MessageType, string? Title, string? Summary, JsonObject Payload, bool IsReceived);

/// <summary>Reads channels, messages and their directions from an AsyncAPI 3 document.</summary>
internal static class AsyncApiReader
{
    public static IReadOnlyList<ChannelModel> ReadChannels(JsonObject document)
    {
        var channels = document["channels"] as JsonObject ?? throw new InvalidDataException("AsyncAPI: 'channels' is missing.");
        var (received, authChannels) = ReadOperations(document);
        var result = new List<ChannelModel>();
        foreach (var (key, node) in channels)
        {
            var channel = node as JsonObject ?? throw new InvalidDataException($"AsyncAPI: channel '{key}' is not an object.");
            var parameters = (channel["parameters"] as JsonObject)?
                .Select(p => (p.Key, (string?)p.Value?["description"]?.GetValue<string>()))
                .ToList() ?? [];
            var messages = new List<MessageModel>();
            foreach (var (name, reference) in channel["messages"] as JsonObject ?? [])
            {
                var (componentName, message) = Dereference(document, reference);
                var type = message["x-message-type"]?.GetValue<string>()
                    ?? throw new InvalidDataException($"AsyncAPI: message '{componentName}' has no 'x-message-type'.");
                var payload = message["payload"] as JsonObject ?? throw new InvalidDataException($"AsyncAPI: message '{componentName}' has no payload.");
                messages.Add(new MessageModel(componentName, type, Text(message, "title"), Text(message, "summary"), payload, received.Contains(componentName)));
            }

            result.Add(new ChannelModel(key, Text(channel, "address") ?? key, Text(channel, "title"), Text(channel, "description"), parameters, messages, authChannels.Contains(key)));
        }

        return result;
    }

    /// <summary>Follows <c>$ref</c> chains to a component message; returns its component name.</summary>
    public static (string Name, JsonObject Node) Dereference(JsonObject document, JsonNode? node)
    {
        var name = "";
        for (var hops = 0; hops < 8; hops++)
        {
            if (node is JsonObject obj && obj["$ref"]?.GetValue<string>() is { } reference)
            {
                name = reference[(reference.LastIndexOf('/') + 1)..];
                node = Pointer(document, reference);
                continue;
            }

            return node is JsonObject resolved ? (name, resolved) : throw new InvalidDataException($"AsyncAPI: '{name}' does not resolve to an object.");
        }

        throw new InvalidDataException($"AsyncAPI: reference chain at '{name}' is too deep.");
    }

    public static JsonNode Pointer(JsonObject document, string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"AsyncAPI: only local references are supported, got '{reference}'.");
        }

        JsonNode? node = document;
        foreach (var segment in reference[2..].Split('/'))
        {
            node = node?[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
        }

        return node ?? throw new InvalidDataException($"AsyncAPI: reference '{reference}' does not resolve.");
    }

    private static (HashSet<string> Received, HashSet<string> AuthChannels) ReadOperations(JsonObject document)
    {
        var received = new HashSet<string>(StringComparer.Ordinal);
        var auth = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, node) in document["operations"] as JsonObject ?? [])
        {
            if (node is not JsonObject operation)
            {
                continue;
            }

            var channelRef = operation["channel"]?["$ref"]?.GetValue<string>() ?? "";
            var channelKey = channelRef[(channelRef.LastIndexOf('/') + 1)..];
            var action = Text(operation, "action");
            if (action == "send" && operation["security"] is JsonArray { Count: > 0 })
            {
                auth.Add(channelKey);
            }

            if (action == "receive")
            {
                foreach (var message in operation["messages"] as JsonArray ?? [])
                {
                    received.Add(Dereference(document, message).Name);
                }
            }
        }

        return (received, auth);
    }

    private static string? Text(JsonObject node, string name) => node[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
