using System.Reflection;
using System.Text.Json.Serialization;
using Lighter.Client.Api;
using Refit;

namespace Lighter.Generator.Tests;

/// <summary>Every operation and schema the spec declares (counted at test time) is generated, with the right shape.</summary>
public class CoverageTests
{
    private static readonly SpecFacts Spec = SpecFacts.Load(TestPaths.OpenApi);

    [Fact]
    public void Every_operation_is_a_refit_method_with_its_verb_and_route()
    {
        var operations = Spec.Operations().ToList();
        Assert.NotEmpty(operations);
        foreach (var (id, method, path, op) in operations)
        {
            var entries = LighterOperations.All.Where(o => o.OperationId == id).ToList();
            Assert.True(entries.Count > 0, $"operation {id} is not generated");
            foreach (var entry in entries)
            {
                Assert.Equal((method, path), (entry.HttpMethod, entry.Route));
                var refitMethod = entry.Api.GetMethod(entry.MethodName);
                Assert.NotNull(refitMethod);
                var http = refitMethod!.GetCustomAttribute<HttpMethodAttribute>()!;
                Assert.Equal((method, path), (http.Method.Method, http.Path));
            }

            // Every content type the spec offers for the body has a method; no body, no content type.
            var offered = op.TryGetProperty("requestBody", out var body)
                ? body.GetProperty("content").EnumerateObject().Select(c => c.Name).Order().ToList()
                : [];
            Assert.Equal(offered, entries.Where(e => e.RequestContentType is not null).Select(e => e.RequestContentType!).Order().ToList());
        }

        Assert.Equal(operations.Count, LighterOperations.All.Select(o => o.OperationId).Distinct().Count());
    }

    [Fact]
    public void Every_operation_returns_its_200_schema_and_takes_every_declared_parameter()
    {
        foreach (var (id, _, _, op) in Spec.Operations())
        {
            var expected = op.GetProperty("responses").GetProperty("200").GetProperty("content")
                .GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!.Split('/')[^1];
            foreach (var entry in LighterOperations.All.Where(o => o.OperationId == id))
            {
                var method = entry.Api.GetMethod(entry.MethodName)!;
                Assert.Equal(expected, method.ReturnType.GetGenericArguments().Single().Name);
                var wireNames = method.GetParameters().Select(WireName).ToHashSet();
                foreach (var p in op.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray() : default)
                {
                    Assert.Contains(p.GetProperty("name").GetString(), wireNames);
                }

                Assert.Equal(typeof(CancellationToken), method.GetParameters()[^1].ParameterType);
            }
        }
    }

    [Fact]
    public void Every_schema_is_a_model_with_every_property()
    {
        var schemas = Spec.Schemas().ToList();
        Assert.NotEmpty(schemas);
        var models = SurfaceDescriber.ClientAssembly.GetExportedTypes()
            .Where(t => t.Namespace == "Lighter.Client.Models")
            .ToDictionary(t => t.Name);
        foreach (var (name, schema) in schemas)
        {
            Assert.True(models.TryGetValue(name, out var model), $"schema {name} has no model");
            var wire = model!.GetProperties().Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name).ToHashSet();
            foreach (var property in schema.GetProperty("properties").EnumerateObject())
            {
                Assert.Contains(property.Name, wire);
            }
        }
    }

    private static string? WireName(ParameterInfo p) =>
        p.GetCustomAttribute<HeaderAttribute>()?.Header ?? p.GetCustomAttribute<AliasAsAttribute>()?.Name
        ?? (p.GetCustomAttribute<BodyAttribute>() is not null ? "(body)" : p.Name);
}
