using System.Text.Json;
using System.Text.Json.Nodes;
using Lighter.Client.Models;
using Lighter.Client.Serialization;

namespace Lighter.Client.Tests.Contract;

/// <summary>The contract tests' own checkers report what they are meant to catch (so a green contract run means something).</summary>
public sealed class ContractHelperTests
{
    private static readonly JsonObject SubscribeSchema = JsonNode.Parse("""
        {"type":"object","required":["type","channel"],"properties":{"type":{"const":"subscribe"},"channel":{"type":"string"},
         "side":{"type":"string","enum":["a","b"]},"levels":{"type":"array","items":{"type":"integer"}},
         "either":{"oneOf":[{"type":"string"},{"type":"array"}]}},"additionalProperties":{"type":"boolean"}}
        """)!.AsObject();

    [Fact]
    public void The_schema_checker_accepts_a_valid_frame()
    {
        var frame = JsonDocument.Parse("""{"type":"subscribe","channel":"trade/0","side":"a","levels":[1,2],"either":"x","extra":true}""").RootElement;

        Assert.Empty(new SchemaChecker(s => s).Check(frame, SubscribeSchema));
    }

    [Fact]
    public void The_schema_checker_names_each_violation_with_its_path()
    {
        var frame = JsonDocument.Parse("""{"type":"subscribed","side":"c","levels":[1,"2"],"either":3,"extra":1}""").RootElement;

        var violations = new SchemaChecker(s => s).Check(frame, SubscribeSchema);

        Assert.Contains(violations, v => v.Contains("required property 'channel'", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("$.type: expected the constant", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("$.side:", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("$.levels[1]: expected integer", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("$.either: matches 0", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("$.extra: expected boolean", StringComparison.Ordinal));
    }

    [Fact]
    public void Semantic_json_equates_numbers_by_value_but_not_strings_or_missing_keys()
    {
        static IReadOnlyList<string> Diff(string a, string b) => SemanticJson.Differences(JsonDocument.Parse(a).RootElement, JsonDocument.Parse(b).RootElement);

        Assert.Empty(Diff("""{"a":1.50,"b":[1E2]}""", """{"b":[100],"a":1.5}"""));
        Assert.Equal(["$.a: expected \"1.50\", got \"1.5\""], Diff("""{"a":"1.50"}""", """{"a":"1.5"}"""));
        Assert.Equal(["$.b: missing after the round trip"], Diff("""{"a":1,"b":2}""", """{"a":1}"""));
        Assert.Equal(["$.a: expected Number 1, got String \"1\""], Diff("""{"a":1}""", """{"a":"1"}"""));
    }

    [Fact]
    public void Unmapped_fields_are_found_at_any_depth()
    {
        var height = JsonSerializer.Deserialize("""{"code":200,"height":3,"heigth":4}""", LighterJsonContext.Default.CurrentHeight);

        Assert.Equal(["h: unmapped heigth"], UnmappedFields.Of(new List<CurrentHeight> { height! }, "h").Select(p => p.Replace("[0]", "", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_sampler_fills_every_property_with_a_non_default_value_and_code_200()
    {
        var schema = JsonNode.Parse("""
            {"type":"object","properties":{"code":{"type":"integer"},"n":{"type":"integer","example":"0"},"s":{"type":"string"},
             "e":{"type":"string","enum":["x","y"],"example":"y"},"b":{"type":"boolean"},"l":{"type":"array","items":{"type":"number"}},
             "m":{"type":"object","additionalProperties":{"type":"string"}}}}
            """)!.AsObject();

        var sample = new SchemaSampler(s => s).Sample(schema)!.ToJsonString();

        Assert.Equal("""{"code":200,"n":7,"s":"12.5","e":"y","b":true,"l":[2.5],"m":{"key1":"12.5"}}""", sample);
    }
}
