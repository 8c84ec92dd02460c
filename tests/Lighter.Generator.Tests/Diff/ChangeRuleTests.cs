using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lighter.Generator.Tests.Diff;

/// <summary>
/// The breaking/additive rules on small documents built here: direction matters for "required" (requests vs
/// responses), new optional inputs and new enum values are additive, removals and type changes are breaking.
/// </summary>
public sealed class ChangeRuleTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lighter-diff-rules-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(true, "breaking")]
    [InlineData(false, "additive")]
    public void A_new_query_parameter_is_breaking_only_when_required(bool required, string severity)
    {
        var after = Document();
        Parameters(after).Add(new JsonObject { ["name"] = "depth", ["in"] = "query", ["required"] = required, ["schema"] = Int64() });

        var change = Assert.Single(Diff(Document(), after));

        Assert.Equal((severity, "added", "parameter"), (change.Get("severity"), change.Get("kind"), change.Get("area")));
        Assert.Equal("IThingApi.GetThingAsync(depth)", change.Get("member"));
    }

    [Fact]
    public void A_parameter_type_change_is_breaking_and_shown_as_CSharp_types()
    {
        var after = Document();
        Parameters(after)[0]!["schema"] = new JsonObject { ["type"] = "string" };

        var change = Assert.Single(Diff(Document(), after));

        Assert.Equal(("breaking", "type", "long", "string"),
            (change.Get("severity"), change.Get("aspect"), change.Get("before"), change.Get("after")));
    }

    [Theory]
    [InlineData("Request", true, "breaking")]
    [InlineData("Request", false, "additive")]
    [InlineData("Thing", true, "additive")]
    [InlineData("Thing", false, "additive")]
    public void A_new_property_is_breaking_only_when_a_request_must_now_send_it(string schema, bool required, string severity)
    {
        var after = Document();
        AddProperty(after, schema, "colour", new JsonObject { ["type"] = "string" }, required);

        var change = Assert.Single(Diff(Document(), after));

        Assert.Equal((severity, "property", $"{schema}.Colour"), (change.Get("severity"), change.Get("area"), change.Get("member")));
    }

    [Theory]
    [InlineData("Thing", "breaking")]
    [InlineData("Request", "additive")]
    public void A_property_that_becomes_optional_is_breaking_only_for_readers(string schema, string severity)
    {
        var after = Document();
        after["components"]!["schemas"]![schema]!["required"] = new JsonArray();

        var change = Assert.Single(Diff(Document(), after));

        Assert.Equal((severity, "required", "required", "optional"),
            (change.Get("severity"), change.Get("aspect"), change.Get("before"), change.Get("after")));
    }

    [Fact]
    public void A_removed_property_or_operation_is_breaking()
    {
        var after = Document();
        after["components"]!["schemas"]!["Thing"]!["properties"]!.AsObject().Remove("size");
        after["paths"]!.AsObject().Remove("/things/new");

        var changes = Diff(Document(), after);

        Assert.All(changes, c => Assert.Equal("breaking", c.Get("severity")));
        Assert.Contains(changes, c => c.Get("member") == "Thing.Size" && c.Get("kind") == "removed");
        Assert.Contains(changes, c => c.Get("member") == "IThingApi.CreateThingAsync" && c.Get("kind") == "removed");
    }

    [Fact]
    public void A_new_enum_value_is_additive_and_a_removed_one_breaking()
    {
        var after = Document();
        Parameters(after)[1]!["schema"]!["enum"] = new JsonArray("red", "blue");

        var changes = Diff(Document(), after);

        var added = Assert.Single(changes, c => c.Get("wire") == "\"blue\"");
        var removed = Assert.Single(changes, c => c.Get("wire") == "\"green\"");
        Assert.Equal(("additive", "IThingApi.GetThingAsync(colour)"), (added.Get("severity"), added.Get("member")));
        Assert.Equal("breaking", removed.Get("severity"));
        Assert.Equal(2, changes.Count);
    }

    [Fact]
    public void A_description_change_keeps_old_and_new_text()
    {
        var after = Document();
        Parameters(after)[0]!["description"] = "The new  text\nover two lines.";

        var change = Assert.Single(Diff(Document(), after));

        Assert.Equal(("description", null, "The new text over two lines."),
            (change.Get("severity"), change.Get("before"), change.Get("after")));
    }

    private List<JsonElement> Diff(JsonObject before, JsonObject after)
    {
        var (oldPath, newPath, overlay) = (Path.Combine(_dir, "old.json"), Path.Combine(_dir, "new.json"), Path.Combine(_dir, "overlay.json"));
        File.WriteAllText(oldPath, before.ToJsonString());
        File.WriteAllText(newPath, after.ToJsonString());
        File.WriteAllText(overlay, "{}");
        var run = DiffRun.Of(oldPath, newPath, "--overlay", overlay, "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        return [.. run.Changes];
    }

    private static JsonArray Parameters(JsonObject document) => document["paths"]!["/things/{id}"]!["get"]!["parameters"]!.AsArray();

    private static void AddProperty(JsonObject document, string schema, string name, JsonObject type, bool required)
    {
        var s = document["components"]!["schemas"]![schema]!;
        s["properties"]![name] = type;
        if (required)
        {
            s["required"]!.AsArray().Add(name);
        }
    }

    private static JsonObject Int64() => new() { ["type"] = "integer", ["format"] = "int64" };

    /// <summary>GET /things/{id} → Thing (a response model); POST /things/new takes Request (a request-only model).</summary>
    private static JsonObject Document() => JsonNode.Parse("""
        {
          "openapi": "3.0.0",
          "paths": {
            "/things/{id}": { "get": {
              "operationId": "getThing", "tags": ["thing"],
              "parameters": [
                { "name": "id", "in": "path", "required": true, "schema": { "type": "integer", "format": "int64" } },
                { "name": "colour", "in": "query", "required": false, "schema": { "type": "string", "enum": ["red", "green"] } }
              ],
              "responses": { "200": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } } }
            } },
            "/things/new": { "post": {
              "operationId": "createThing", "tags": ["thing"],
              "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Request" } } } },
              "responses": { "200": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } } }
            } }
          },
          "components": { "schemas": {
            "Thing": { "type": "object", "required": ["size"], "properties": { "size": { "type": "integer", "format": "int32" } } },
            "Request": { "type": "object", "required": ["name"], "properties": { "name": { "type": "string" } } }
          } }
        }
        """)!.AsObject();
}
