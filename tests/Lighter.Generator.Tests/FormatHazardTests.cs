using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lighter.Client.Api;
using Refit;

namespace Lighter.Generator.Tests;

/// <summary>
/// Integer formats, including the spec's non-standard ones (<c>uin16</c> typo, <c>int8</c>, <c>uint8</c>,
/// <c>int16</c>, <c>uint64</c>), map to the CLR type of exactly that width — checked for every property and
/// parameter of the spec against an independent table.
/// </summary>
public class FormatHazardTests
{
    private static readonly Dictionary<string, Type> Expected = new()
    {
        ["int8"] = typeof(sbyte),
        ["uint8"] = typeof(byte),
        ["int16"] = typeof(short),
        ["uint16"] = typeof(ushort),
        ["uin16"] = typeof(ushort), // typo in the spec, fixed by the overlay
        ["int32"] = typeof(int),
        ["int64"] = typeof(long),
        ["uint64"] = typeof(ulong),
    };

    private static readonly SpecFacts Spec = SpecFacts.Load(TestPaths.OpenApi);

    [Fact]
    public void Every_integer_property_has_the_width_of_its_format()
    {
        var models = SurfaceDescriber.ClientAssembly.GetExportedTypes().Where(t => t.Namespace == "Lighter.Client.Models")
            .ToDictionary(t => t.Name);
        var checkedCount = 0;
        foreach (var (name, schema) in Spec.Schemas())
        {
            foreach (var p in schema.GetProperty("properties").EnumerateObject())
            {
                var (type, format) = TypeAndFormat(p.Value);
                if (type != "integer")
                {
                    continue;
                }

                var clr = models[name].GetProperties().Single(x => x.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name == p.Name).PropertyType;
                Assert.Equal(Expected[format ?? "int64"], Nullable.GetUnderlyingType(clr) ?? clr);
                checkedCount++;
            }
        }

        Assert.True(checkedCount > 0);
    }

    [Fact]
    public void Every_integer_parameter_has_the_width_of_its_format()
    {
        foreach (var (id, _, _, op) in Spec.Operations())
        {
            if (!op.TryGetProperty("parameters", out var parameters))
            {
                continue;
            }

            var method = LighterOperations.All.First(o => o.OperationId == id) is var e ? e.Api.GetMethod(e.MethodName)! : null!;
            foreach (var p in parameters.EnumerateArray())
            {
                var schema = p.GetProperty("schema");
                var isArray = schema.GetProperty("type").GetString() == "array";
                var (type, format) = TypeAndFormat(isArray ? schema.GetProperty("items") : schema);
                if (type != "integer")
                {
                    continue;
                }

                var clr = method.GetParameters().Single(x => x.GetCustomAttribute<AliasAsAttribute>()?.Name == p.GetProperty("name").GetString()).ParameterType;
                var element = isArray ? clr.GetGenericArguments().Single() : Nullable.GetUnderlyingType(clr) ?? clr;
                Assert.Equal(Expected[format ?? "int64"], element);
            }
        }
    }

    [Fact]
    public void Uin16_typo_fields_are_ushort()
    {
        Assert.Equal(typeof(ushort), typeof(Lighter.Client.Models.Block).GetProperty("Size")!.PropertyType);
        Assert.Equal(typeof(ushort), typeof(Lighter.Client.Models.Trade).GetProperty("TakerInitialMarginFractionBefore")!.PropertyType);
    }

    [Fact]
    public void A_value_wider_than_the_format_is_a_clear_error_naming_the_field()
    {
        var e = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize("""{"size":70000}""", Lighter.Client.Serialization.LighterJsonContext.Default.Block));
        Assert.Contains("$.size", e.Message, StringComparison.Ordinal);
    }

    private static (string? Type, string? Format) TypeAndFormat(JsonElement schema) => (
        schema.TryGetProperty("type", out var t) ? t.GetString() : null,
        schema.TryGetProperty("format", out var f) ? f.GetString() : null);
}
