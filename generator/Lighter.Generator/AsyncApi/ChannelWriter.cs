namespace Lighter.Generator.AsyncApi;

/// <summary>
/// Writes <c>LighterChannels</c> (one typed subscription factory per channel, with its decoder) and
/// <c>LighterMessages</c> (the <c>type</c> → record table of every message the client receives).
/// </summary>
internal static class ChannelWriter
{
    public static void Write(SourceWriter writer, IReadOnlyList<ChannelModel> channels)
    {
        writer.Line();
        writer.Doc("Typed subscriptions for every channel of the Lighter WebSocket API.");
        writer.Line(AsyncApiEmitter.GeneratedCode);
        writer.Open("public static partial class LighterChannels");
        writer.Doc("Channel keys of the AsyncAPI document, in document order.");
        writer.Line("public static global::System.Collections.Generic.IReadOnlyList<string> Keys { get; } = [" + string.Join(", ", channels.Select(c => CSharpNames.Literal(c.Key))) + "];");
        foreach (var channel in channels.Where(c => !c.IsControl))
        {
            WriteFactory(writer, channel, allVariant: false);
            if (channel.Parameters.Any(p => MentionsAll(p.Description)))
            {
                WriteFactory(writer, channel, allVariant: true);
            }

            WriteDecoder(writer, channel);
        }

        writer.Close();
        WriteMessageTable(writer, channels);
    }

    private static void WriteFactory(SourceWriter writer, ChannelModel channel, bool allVariant)
    {
        var parameters = channel.Parameters.Where(p => !(allVariant && MentionsAll(p.Description))).ToList();
        var address = channel.Address;
        foreach (var parameter in channel.Parameters)
        {
            var value = allVariant && MentionsAll(parameter.Description) ? "all" : "{" + CSharpNames.Camel(parameter.Name) + "}";
            address = address.Replace("{" + parameter.Name + "}", value, StringComparison.Ordinal);
        }

        var name = CSharpNames.Pascal(channel.Key) + (allVariant ? "All" : "");
        var type = AsyncApiEmitter.BaseName(channel);
        writer.Line();
        writer.Doc($"{CSharpNames.Xml(channel.Title)}: {CSharpNames.Xml(channel.Description)} Address <c>{CSharpNames.Xml(channel.Address)}</c>{(allVariant ? " with <c>all</c> markets" : "")}{(channel.RequiresAuth ? "; needs an auth token" : "")}.");
        foreach (var parameter in parameters)
        {
            writer.Line($"/// <param name=\"{CSharpNames.Camel(parameter.Name)}\">{CSharpNames.Xml(parameter.Description)}</param>");
        }

        var signature = string.Join(", ", parameters.Select(p => $"{ParameterType(p.Name)} {CSharpNames.Camel(p.Name)}"));
        var addressExpression = parameters.Count == 0
            ? CSharpNames.Literal(address)
            : $"string.Create(global::System.Globalization.CultureInfo.InvariantCulture, ${CSharpNames.Literal(address)})";
        if (parameters.Any(p => ParameterType(p.Name) == "string"))
        {
            writer.Open($"public static ChannelSubscription<{type}> {name}({signature})");
            foreach (var parameter in parameters.Where(p => ParameterType(p.Name) == "string"))
            {
                writer.Line($"global::System.ArgumentException.ThrowIfNullOrWhiteSpace({CSharpNames.Camel(parameter.Name)});");
            }

            writer.Line($"return new({addressExpression}, requiresAuth: {(channel.RequiresAuth ? "true" : "false")}, Decode{CSharpNames.Pascal(channel.Key)});");
            writer.Close();
        }
        else
        {
            writer.Line($"public static ChannelSubscription<{type}> {name}({signature}) =>");
            writer.Line($"    new({addressExpression}, requiresAuth: {(channel.RequiresAuth ? "true" : "false")}, Decode{CSharpNames.Pascal(channel.Key)});");
        }
    }

    private static void WriteDecoder(SourceWriter writer, ChannelModel channel)
    {
        writer.Line();
        writer.Open($"private static {AsyncApiEmitter.BaseName(channel)}? Decode{CSharpNames.Pascal(channel.Key)}(string messageType, global::System.ReadOnlySpan<byte> utf8Json) => messageType switch");
        foreach (var message in channel.Messages)
        {
            writer.Line($"{message.Name}.MessageType => JsonSerializer.Deserialize<{message.Name}>(utf8Json, LighterStreamJson.Options),");
        }

        writer.Line("_ => null,");
        writer.Close(";");
    }

    private static void WriteMessageTable(SourceWriter writer, IReadOnlyList<ChannelModel> channels)
    {
        var received = channels.SelectMany(c => c.Messages).Where(m => m.IsReceived).ToList();
        writer.Line();
        writer.Doc("The <c>type</c> discriminators of the protocol and the records they decode to.");
        writer.Line(AsyncApiEmitter.GeneratedCode);
        writer.Open("public static partial class LighterMessages");
        writer.Doc("Every message type the server sends, mapped to its record (dispatch on <c>type</c>).");
        writer.Open("public static global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Type> Received { get; } = new global::System.Collections.Generic.Dictionary<string, global::System.Type>(global::System.StringComparer.Ordinal)");
        foreach (var message in received)
        {
            writer.Line($"[{message.Name}.MessageType] = typeof({message.Name}),");
        }

        writer.Close(";");
        writer.Line();
        writer.Doc("Every message the client may send, by record.");
        var sent = channels.SelectMany(c => c.Messages).Where(m => !m.IsReceived).ToList();
        writer.Line("public static global::System.Collections.Generic.IReadOnlyList<global::System.Type> Sent { get; } = [" + string.Join(", ", sent.Select(m => $"typeof({m.Name})")) + "];");
        writer.Line();
        writer.Doc("Decodes any received frame by its <c>type</c>; <see langword=\"null\"/> for a type the document does not define.");
        writer.Line("/// <param name=\"messageType\">The frame's <c>type</c>.</param>");
        writer.Line("/// <param name=\"utf8Json\">The whole frame.</param>");
        writer.Line("public static LighterStreamMessage? Decode(string messageType, global::System.ReadOnlySpan<byte> utf8Json) =>");
        writer.Line("    Received.TryGetValue(messageType, out var type) ? (LighterStreamMessage?)JsonSerializer.Deserialize(utf8Json, type, LighterStreamJson.Options) : null;");
        writer.Close();
    }

    private static bool MentionsAll(string? description) => description?.Contains("`all`", StringComparison.Ordinal) == true;

    // Market ids are short everywhere in the SDK (the REST spec's int16); account ids are long.
    private static string ParameterType(string name) => name switch
    {
        "market_id" => "short",
        _ when name.EndsWith("_id", StringComparison.Ordinal) => "long",
        _ => "string",
    };
}
