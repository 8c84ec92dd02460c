using System.Text.Json.Nodes;
using Lighter.Generator.CSharp;
using Lighter.Generator.OpenApi;

namespace Lighter.Generator.Tests;

/// <summary>
/// The paging helpers come from the spec's cursor parameters: one per operation with a <c>cursor</c> query parameter
/// (counted from the raw document), one more for an added operation, and a warning, not a silent gap, for an
/// operation that takes a cursor but whose answer cannot be paged.
/// </summary>
public sealed class PagingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lighter-paging-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> Specs => new() { "current", "history" };

    [Theory]
    [MemberData(nameof(Specs))]
    public void Every_operation_with_a_cursor_parameter_gets_a_helper(string which)
    {
        var spec = which == "current" ? TestPaths.OpenApi : TestPaths.HistoryOpenApi;
        var withCursor = SpecFacts.Load(spec).Operations().Where(HasCursorParameter).Select(o => o.Id).Order().ToList();

        var api = OpenApiEmitter.Build(spec, TestPaths.Overlay);

        Assert.NotEmpty(withCursor);
        Assert.Equal(withCursor, api.Paged.Select(p => p.Method.Operation.OperationId).Order());
        Assert.Empty(api.Warnings);
    }

    [Fact]
    public void An_added_cursor_operation_adds_a_helper_with_its_item_type()
    {
        var root = LoadSpec();
        var before = OpenApiEmitter.Build(TestPaths.OpenApi, TestPaths.Overlay).Paged.Count;
        var trades = root["paths"]!["/api/v1/trades"]!["get"]!.DeepClone().AsObject();
        trades["operationId"] = "pagingProbe";
        root["paths"]!["/api/v1/pagingProbe"] = new JsonObject { ["get"] = trades };

        var api = OpenApiEmitter.Build(Save(root), TestPaths.Overlay);
        var probe = Assert.Single(api.Paged, p => p.Method.Operation.OperationId == "pagingProbe");
        var emitted = PagingEmitter.Extensions(api.Paged);

        Assert.Equal(before + 1, api.Paged.Count);
        Assert.Equal("global::Lighter.Client.Models.Trade", probe.ItemType);
        Assert.Equal(("trades", "next_cursor"), (probe.Items.WireName, probe.NextCursor.WireName));
        Assert.Contains("IAsyncEnumerable<global::Lighter.Client.Models.Trade> EnumeratePagingProbeAsync(", emitted, StringComparison.Ordinal);
        Assert.Contains("cursor: _cursor", emitted, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cursor_operation_whose_answer_has_no_cursor_is_a_warning_and_no_helper()
    {
        var root = LoadSpec();
        var op = root["paths"]!["/api/v1/trades"]!["get"]!.AsObject();
        op["responses"]!["200"]!["content"]!["application/json"]!["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/ResultCode" };

        var api = OpenApiEmitter.Build(Save(root), TestPaths.Overlay);

        Assert.DoesNotContain(api.Paged, p => p.Method.Operation.OperationId == "trades");
        Assert.Contains(api.Warnings, w => w.StartsWith("trades: takes a 'cursor' parameter but is not pageable", StringComparison.Ordinal));
    }

    [Fact]
    public void A_helper_takes_the_operation_parameters_except_the_cursor()
    {
        var api = OpenApiEmitter.Build(TestPaths.OpenApi, TestPaths.Overlay);

        Assert.All(api.Paged, p =>
        {
            var text = PagingEmitter.Extensions([p]);
            var signature = text[text.IndexOf($"{p.HelperName}(", StringComparison.Ordinal)..text.IndexOf(" cancellationToken = default)", StringComparison.Ordinal)];
            Assert.DoesNotContain($" {p.Cursor.Name} = null", signature, StringComparison.Ordinal);
            Assert.All(p.Method.Parameters.Where(x => x != p.Cursor), x => Assert.Contains($" {x.Name}", signature, StringComparison.Ordinal));
        });
    }

    private static bool HasCursorParameter((string Id, string Method, string Path, System.Text.Json.JsonElement Operation) op) =>
        op.Operation.TryGetProperty("parameters", out var parameters)
        && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == PagingBuilder.CursorParameter
                                                && p.GetProperty("in").GetString() == "query");

    private static JsonObject LoadSpec() => JsonNode.Parse(File.ReadAllText(TestPaths.OpenApi))!.AsObject();

    private string Save(JsonObject root)
    {
        var path = Path.Combine(_dir, "openapi.json");
        File.WriteAllText(path, root.ToJsonString());
        return path;
    }
}
