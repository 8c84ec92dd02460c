using System.Text.Json.Nodes;

namespace Lighter.Generator.Tests.Regeneration;

/// <summary>
/// The build regenerates when the content behind <c>spec/openapi.json</c> changes, even though the link itself and
/// the document's own timestamp stay as they were, and skips generation when nothing changed. Runs the real target
/// file (imported by a tiny project in a temp folder) with real <c>dotnet msbuild</c> builds.
/// </summary>
[Trait("Category", "Build")]
public sealed class RegenerationTests : IDisposable
{
    private const string Skipped = "Skipping target \"LighterGenerateSources\"";
    private readonly GenerationProbe _probe = new();

    public void Dispose() => _probe.Dispose();

    [Fact]
    public async Task Editing_the_document_behind_the_link_regenerates_and_an_unchanged_build_skips()
    {
        var marker = "Regeneration marker " + Guid.NewGuid().ToString("N");
        var first = await _probe.BuildAsync();
        Assert.DoesNotContain(Skipped, first, StringComparison.Ordinal);
        Assert.False(_probe.GeneratedTextContains(marker));

        // Change one parameter description in place; the document keeps its old time and the link is untouched.
        var documentTime = File.GetLastWriteTimeUtc(_probe.Document);
        var linkTime = File.GetLastWriteTimeUtc(_probe.Link);
        var json = JsonNode.Parse(File.ReadAllText(_probe.Document))!.AsObject();
        FirstParameter(json)["description"] = marker;
        File.WriteAllText(_probe.Document, json.ToJsonString());
        File.SetLastWriteTimeUtc(_probe.Document, documentTime);
        Assert.Equal(linkTime, File.GetLastWriteTimeUtc(_probe.Link));

        var second = await _probe.BuildAsync();
        Assert.DoesNotContain(Skipped, second, StringComparison.Ordinal);
        Assert.True(_probe.GeneratedTextContains(marker), "the edited description is not in the generated code:\n" + second);

        var third = await _probe.BuildAsync();
        Assert.Contains(Skipped, third, StringComparison.Ordinal);
    }

    /// <summary>The first parameter of the first operation that has one (any will do: its description is emitted as a doc).</summary>
    private static JsonObject FirstParameter(JsonObject document) =>
        document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject())
            .Select(op => (op.Value as JsonObject)?["parameters"] as JsonArray)
            .First(parameters => parameters is { Count: > 0 })![0]!.AsObject();
}
