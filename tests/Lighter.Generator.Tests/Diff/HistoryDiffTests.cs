using System.Text.Json;
using System.Text.Json.Nodes;
using Snapshooter.Xunit;

namespace Lighter.Generator.Tests.Diff;

/// <summary>
/// <c>diff</c> from the history spec (0701ab4) to the current one. What must be reported is derived from the two
/// documents with plain JSON (<see cref="RawSpec"/>), never from this tool's output or hard-coded counts.
/// </summary>
public class HistoryDiffTests
{
    private static readonly RawSpec Old = new(TestPaths.HistoryOpenApi);
    private static readonly RawSpec New = new(TestPaths.OpenApi);
    private static readonly DiffRun Json = DiffRun.Of(TestPaths.HistoryOpenApi, TestPaths.OpenApi, "--overlay", TestPaths.Overlay, "--json");
    private static readonly DiffRun Markdown = DiffRun.Of(TestPaths.HistoryOpenApi, TestPaths.OpenApi, "--overlay", TestPaths.Overlay);

    [Fact]
    public void Every_added_operation_is_listed_with_its_generated_method()
    {
        var expected = New.Operations.Keys.Except(Old.Operations.Keys).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);

        var added = Whole("operation", "added");

        Assert.Equal(expected, added.Select(c => c.Get("subject")).Distinct().Order(StringComparer.Ordinal));
        Assert.All(added, c => Assert.Matches(@"^I\w+Api\.\w+Async$", c.Get("member")));
        Assert.Equal(expected.Count, Json.Summary.GetProperty("operations").GetProperty("added").GetInt32());
        Assert.Empty(Whole("operation", "removed"));
    }

    [Fact]
    public void Every_operation_whose_definition_changed_is_listed_as_changed()
    {
        var expected = Common().Where(k => !JsonNode.DeepEquals(RawSpec.Definition(Old.Operations[k]), RawSpec.Definition(New.Operations[k])))
            .ToList();
        Assert.NotEmpty(expected);

        var changed = ChangedOperations();

        Assert.Empty(expected.Except(changed));
        // Anything more must come from a request body schema (a multipart body's fields are method parameters).
        var extra = changed.Except(expected).ToList();
        Assert.All(extra, k => Assert.Contains(RawSpec.BodySchemas(New.Operations[k]),
            s => !JsonNode.DeepEquals(Old.Schema(s), New.Schema(s))));
        Assert.Equal(changed.Count, Json.Summary.GetProperty("operations").GetProperty("changed").GetInt32());
    }

    [Fact]
    public void Operations_whose_only_change_is_a_parameter_description_are_listed_with_old_and_new_text()
    {
        var descriptionOnly = Common().Where(k =>
            !JsonNode.DeepEquals(Old.Operations[k]["parameters"], New.Operations[k]["parameters"])
            && JsonNode.DeepEquals(RawSpec.ParametersWithoutDescriptions(Old.Operations[k]), RawSpec.ParametersWithoutDescriptions(New.Operations[k])))
            .ToList();
        Assert.NotEmpty(descriptionOnly);

        foreach (var key in descriptionOnly)
        {
            var oldParameters = Old.Operations[key]["parameters"]!.AsArray();
            foreach (var p in New.Operations[key]["parameters"]!.AsArray())
            {
                var before = (string?)oldParameters.First(o => (string?)o!["name"] == (string?)p!["name"])!["description"];
                var after = (string?)p!["description"];
                if (before == after)
                {
                    continue;
                }

                Assert.Contains(Json.Changes, c => c.Get("subject") == key && c.Get("severity") == "description"
                    && c.Get("area") == "parameter" && c.Get("wire") == $"{p["in"]} {p["name"]}"
                    && c.Get("before") == Fold(before) && c.Get("after") == Fold(after));
            }
        }
    }

    [Fact]
    public void Replacing_market_id_by_market_ids_in_positionFunding_is_breaking()
    {
        const string Key = "GET /api/v1/positionFunding";
        static bool Has(RawSpec s, string name) => s.Operations[Key]["parameters"]!.AsArray().Any(p => (string?)p!["name"] == name);
        Assert.True(Has(Old, "market_id") && !Has(New, "market_id") && Has(New, "market_ids"));

        var removed = Assert.Single(Json.Changes, c => c.Get("subject") == Key && c.Get("wire") == "query market_id");

        Assert.Equal(("breaking", "removed"), (removed.Get("severity"), removed.Get("kind")));
        Assert.Equal("IAccountApi.PositionFundingAsync(marketId)", removed.Get("member"));
        var added = Assert.Single(Json.Changes, c => c.Get("subject") == Key && c.Get("wire") == "query market_ids");
        Assert.Equal(("additive", "optional"), (added.Get("severity"), added.Get("aspect")));
        Assert.Contains("- `GET /api/v1/positionFunding`: `IAccountApi.PositionFundingAsync(marketId)` removed", Markdown.Output,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Types_are_the_CSharp_types_after_the_overlay_not_the_raw_formats()
    {
        var overlayFormats = JsonNode.Parse(File.ReadAllText(TestPaths.Overlay))!["formats"]!.AsObject();
        var typos = overlayFormats.Select(f => f.Key).Where(t => Old.Root.ToJsonString().Contains($"\"{t}\"", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(typos);

        Assert.All(typos, t => Assert.DoesNotContain(t, Markdown.Output, StringComparison.Ordinal));
        Assert.DoesNotContain("integer(", Markdown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Fail_on_breaking_exits_1_when_a_breaking_change_is_present()
    {
        Assert.Contains(Json.Changes, c => c.Get("severity") == "breaking");

        var run = DiffRun.Of(TestPaths.HistoryOpenApi, TestPaths.OpenApi, "--fail-on", "breaking", "--overlay", TestPaths.Overlay);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(0, Markdown.ExitCode);
    }

    [Fact]
    public void Markdown_report_matches_snapshot() => Snapshot.Match(Markdown.Output);

    private static List<string> Common() => Old.Operations.Keys.Intersect(New.Operations.Keys).ToList();

    private static List<JsonElement> Whole(string area, string kind) => Json.Changes
        .Where(c => c.Get("area") == area && c.Get("kind") == kind && c.Get("aspect") is null).ToList();

    private static List<string> ChangedOperations()
    {
        var whole = Whole("operation", "added").Concat(Whole("operation", "removed")).Select(c => c.Get("subject")).ToHashSet();
        return Json.Changes.Where(c => c.Get("subject")!.Contains(' ', StringComparison.Ordinal) && !whole.Contains(c.Get("subject")))
            .Select(c => c.Get("subject")!).Distinct().ToList();
    }

    private static string? Fold(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
