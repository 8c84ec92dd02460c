using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lighter.Client.Models;
using Lighter.Client.Serialization;
using Lighter.Tests.Fuzz;

namespace Lighter.Client.Tests.Fuzz;

/// <summary>
/// Fuzzes the REST response models through the metadata the client really uses (<see cref="LighterJsonContext"/>,
/// as in <see cref="LighterRefitSettings"/>): bodies built from the OpenAPI document's property examples
/// (../shared/lighter-spec/openapi.json, read at run time), then mutated (bit flips, truncation, invalid UTF-8, huge
/// numbers, deep nesting, splices) and random bytes. Only <see cref="JsonException"/> may escape (the converters
/// wrap their format errors in it).
/// CI: 750 inputs per seed. Long mode: see <see cref="FuzzHarness"/>.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class RestModelFuzzTests
{
    private const long MaxBytesPerInput = 8 * 1024 * 1024;

    // Deep enough for every model (required properties are enforced, so a truncated object would not read);
    // the bound only guards against a recursive schema.
    private const int MaxDepth = 32;

    private static readonly Type[] Models =
    [
        typeof(Models.Orders), typeof(OrderBookOrders), typeof(OrderBookDetails), typeof(DetailedAccounts), typeof(Candles),
        typeof(NextNonce), typeof(AccountApiKeys), typeof(Fundings), typeof(ExchangeStats), typeof(Blocks),
    ];

    [Fact]
    public void The_corpus_bodies_deserialize_as_their_models()
    {
        foreach (var (type, body) in Corpus())
        {
            Assert.NotNull(JsonSerializer.Deserialize(body, LighterJsonContext.Default.GetTypeInfo(type)!));
        }

        // The bodies carry real content (prices as decimal strings, enums), so mutations reach the converters.
        var orders = (Models.Orders)JsonSerializer.Deserialize(Corpus().Single(c => c.Type == typeof(Models.Orders)).Body, LighterJsonContext.Default.Orders)!;
        Assert.Equal(3024.66m, Assert.Single(orders.Items).Price);
    }

    [Fact]
    public async Task Mutated_bodies_throw_only_JsonException()
    {
        var corpus = Corpus();
        var inputs = corpus.Select(c => c.Body).ToArray();
        var types = corpus.Select(c => c.Type).ToArray();

        await FuzzHarness.RunAsync(
            "REST models",
            inputs,
            FuzzHarness.Iterations(750),
            input => JsonSerializer.Deserialize(input, LighterJsonContext.Default.GetTypeInfo(types[input.Length % types.Length])!),
            ex => ex is JsonException,
            maxTimePerInput: TimeSpan.FromSeconds(1),
            maxBytes: MaxBytesPerInput);
    }

    private static List<(Type Type, byte[] Body)> Corpus()
    {
        var spec = JsonNode.Parse(File.ReadAllText(SpecPath()))!;
        var schemas = spec["components"]!["schemas"]!.AsObject();
        return [.. Models.Select(t => (t, Encoding.UTF8.GetBytes(Example(schemas, schemas[t.Name]!, 0).ToJsonString())))];
    }

    /// <summary>An instance of <paramref name="schema"/> from its properties' examples (one element per array).</summary>
    private static JsonNode Example(JsonObject schemas, JsonNode schema, int depth)
    {
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            return Example(schemas, schemas[reference.Split('/')[^1]]!, depth + 1);
        }

        if (schema["allOf"] is JsonArray allOf && allOf.Count > 0)
        {
            return Example(schemas, allOf[0]!, depth);
        }

        var type = schema["type"]?.GetValue<string>();
        var example = schema["example"]?.ToString();
        var enumFirst = schema["enum"] is JsonArray values && values.Count > 0 ? values[0]!.ToString() : null;
        switch (type)
        {
            case "array":
                return depth > MaxDepth ? new JsonArray() : new JsonArray(Example(schemas, schema["items"]!, depth + 1));
            case "integer":
                return JsonValue.Create(long.TryParse(example, out var n) ? n : 1);
            case "number":
                return JsonValue.Create(double.TryParse(example, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : 1.5);
            case "boolean":
                return JsonValue.Create(example != "false");
            case "string":
                return JsonValue.Create(enumFirst ?? example ?? "1");
        }

        var result = new JsonObject();
        if (schema["properties"] is JsonObject properties && depth <= MaxDepth)
        {
            foreach (var (name, property) in properties)
            {
                result[name] = Example(schemas, property!, depth + 1);
            }
        }

        return result;
    }

    private static string SpecPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lighter.Generated.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "lighter-spec", "openapi.json"));
            }
        }

        throw new DirectoryNotFoundException("Lighter.Generated.sln not found above the test binaries.");
    }
}
