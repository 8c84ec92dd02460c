using System.Text.Json;
using System.Text.Json.Nodes;
using Lighter.Client.Serialization;

namespace Lighter.Generator.Tests;

/// <summary>
/// Every JSON model accepts a document built from the spec's own property examples (numbers given as strings,
/// decimal strings, enums) and writes it back. The example documents are built here from the raw spec.
/// </summary>
public class SpecExampleTests
{
    private static readonly SpecFacts Spec = SpecFacts.Load(TestPaths.OpenApi);

    public static TheoryData<string> JsonSchemas()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in Spec.Schemas().Where(s => LighterJsonContext.Default.GetTypeInfo(ModelType(s.Name)) is not null))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(JsonSchemas))]
    public void Model_reads_and_writes_the_spec_example(string schema)
    {
        var json = Example(Spec.Schema(schema), depth: 0).ToJsonString();
        var info = LighterJsonContext.Default.GetTypeInfo(ModelType(schema))!;

        var model = JsonSerializer.Deserialize(json, info);

        Assert.NotNull(model);
        var written = JsonNode.Parse(JsonSerializer.Serialize(model, info))!.AsObject();
        Assert.All(JsonNode.Parse(json)!.AsObject(), p => Assert.True(written.ContainsKey(p.Key), $"{schema}.{p.Key} lost"));
    }

    private static Type ModelType(string schema) => SurfaceDescriber.ClientAssembly.GetType("Lighter.Client.Models." + schema, true)!;

    private static JsonNode Example(JsonElement schema, int depth)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var target = Spec.Schema(reference.GetString()!.Split('/')[^1]);
            return depth > 3 ? new JsonObject() : Example(target, depth + 1);
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            return JsonValue.Create(values[0].GetString())!;
        }

        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : null;
        var example = schema.TryGetProperty("example", out var e) ? e : (JsonElement?)null;
        switch (type)
        {
            case "object" when schema.TryGetProperty("properties", out var properties):
                var obj = new JsonObject();
                foreach (var p in properties.EnumerateObject())
                {
                    obj[p.Name] = Example(p.Value, depth);
                }

                return obj;
            case "object":
                return new JsonObject();
            case "array":
                return new JsonArray(Example(schema.GetProperty("items"), depth));
            case "boolean":
                return JsonValue.Create(true);
            case "integer" or "number":
                // Keep the spec's example as given, string or number: the server sends such values too.
                return example is { ValueKind: JsonValueKind.Number or JsonValueKind.String } ex ? JsonNode.Parse(ex.GetRawText())! : JsonValue.Create(1);
            default:
                return example is { ValueKind: JsonValueKind.String } s ? JsonValue.Create(s.GetString())! : JsonValue.Create("0")!;
        }
    }
}
