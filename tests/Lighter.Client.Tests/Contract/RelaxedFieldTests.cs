using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Lighter.Client.Api;

namespace Lighter.Client.Tests.Contract;

/// <summary>
/// The other direction of "required means required": a field the overlay relaxes (<c>notRequired</c>, because the
/// live exchange omits it) may be missing from the answer; the call succeeds and the property is null.
/// </summary>
public sealed class RelaxedFieldTests(RestContractFixture f) : IClassFixture<RestContractFixture>
{
    public static TheoryData<string> Relaxed
    {
        get
        {
            var overlay = JsonNode.Parse(File.ReadAllText(Path.Combine(SpecFiles.RepoRoot, "spec", "overlay.json")))!;
            var cases = new TheoryData<string>();
            foreach (var (key, _) in overlay["notRequired"] as JsonObject ?? [])
            {
                cases.Add(key);
            }

            return cases;
        }
    }

    [Fact]
    public void The_overlay_relaxes_at_least_one_field_and_says_why()
    {
        var overlay = JsonNode.Parse(File.ReadAllText(Path.Combine(SpecFiles.RepoRoot, "spec", "overlay.json")))!;
        var entries = Assert.IsType<JsonObject>(overlay["notRequired"]);
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.False(string.IsNullOrWhiteSpace((string?)e.Value), $"{e.Key} has no reason"));
    }

    [Theory]
    [MemberData(nameof(Relaxed))]
    public async Task A_relaxed_field_may_be_missing_from_the_answer(string schemaDotProperty)
    {
        var (schemaName, property) = (schemaDotProperty.Split('.')[0], schemaDotProperty.Split('.')[1]);
        var op = f.Spec.Operations().First(o => (string?)f.Spec.Response(o, "200")?["$ref"] == "#/components/schemas/" + schemaName);
        var spec = f.Spec.Resolve(f.Spec.Response(op, "200")!);
        Assert.Contains(property, (spec["required"] as JsonArray ?? []).Select(r => (string?)r)); // still required upstream
        var served = new SchemaSampler(f.Spec.Resolve).Sample(spec)!.AsObject();
        Assert.True(served.Remove(property));
        f.Serve(op.Method, op.Path, 200, served.ToJsonString());
        var call = RestCall.Build(f.Spec, op, LighterOperations.All.First(o => o.OperationId == op.OperationId));

        var result = await f.InvokeAsync(call);

        var mapped = result!.GetType().GetProperties().Single(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name == property);
        Assert.Null(mapped.GetValue(result));
        Assert.Null(mapped.GetCustomAttribute<JsonRequiredAttribute>());
    }
}
