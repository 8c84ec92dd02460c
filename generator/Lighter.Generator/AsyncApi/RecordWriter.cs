namespace Lighter.Generator.AsyncApi;

/// <summary>Writes one record: discriminator constant, properties with wire names, and extension data.</summary>
internal static class RecordWriter
{
    public static void Write(SourceWriter writer, RecordModel record)
    {
        writer.Line();
        var summary = record.MessageType is null ? record.Summary : $"{record.Summary} (<c>{record.MessageType}</c>)";
        writer.Doc(summary);
        writer.Line(AsyncApiEmitter.GeneratedCode);
        writer.Open(record.BaseType is null ? $"public sealed record {record.Name}" : $"public sealed record {record.Name} : {record.BaseType}");
        if (record.MessageType is not null)
        {
            writer.Doc("The <c>type</c> discriminator of this message.");
            writer.Line($"public const string MessageType = {CSharpNames.Literal(record.MessageType)};");
            writer.Line();
        }

        for (var i = 0; i < record.Properties.Count; i++)
        {
            var property = record.Properties[i];
            if (i > 0)
            {
                writer.Line();
            }

            writer.Doc(property.Summary);
            writer.Line($"[JsonPropertyName({CSharpNames.Literal(property.JsonName)})]");
            writer.Line($"public {property.Type} {property.Name} {{ get; init; }}");
        }

        if (record.BaseType is null)
        {
            writer.Line();
            // Messages inherit extension data from LighterStreamMessage; nested objects keep unknown fields too.
            writer.Doc("Fields the server sent that the document does not describe.");
            writer.Line("[JsonExtensionData]");
            writer.Line("public global::System.Collections.Generic.IDictionary<string, JsonElement>? AdditionalProperties { get; init; }");
        }

        writer.Close();
    }
}
