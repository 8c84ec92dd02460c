using Lighter.Generator.CSharp;
using Lighter.Generator.OpenApi;

namespace Lighter.Generator.Tests;

/// <summary>
/// Required means required: required response properties are emitted with <c>[JsonRequired]</c>; the overlay's
/// <c>notRequired</c> relaxes one (nullable, no attribute) and must name a required property and give a reason.
/// </summary>
public sealed class RequiredPropertyTests : IDisposable
{
    private const string JsonRequired = "[global::System.Text.Json.Serialization.JsonRequired]";
    private readonly string _dir = Directory.CreateTempSubdirectory("lighter-required-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Required_response_properties_get_JsonRequired_and_a_relaxed_one_is_nullable()
    {
        var api = OpenApiEmitter.Build(Spec(), Write("overlay.json", """{ "notRequired": { "R.relaxed": "the exchange omits it" } }"""));

        var r = ModelEmitter.Class(api.Classes.Single(c => c.Name == "R"));
        Assert.Contains($"{JsonRequired}\n    public long N {{ get; set; }}", r.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("public long? Relaxed { get; set; }", r, StringComparison.Ordinal);
        Assert.Contains("public string? Opt { get; set; }", r, StringComparison.Ordinal);
        Assert.Equal(1, r.Split(JsonRequired).Length - 1);
        Assert.Empty(api.Warnings);
    }

    [Fact]
    public void Request_bodies_use_the_required_keyword_not_JsonRequired()
    {
        var api = OpenApiEmitter.Build(Spec(), overlayPath: null);

        var form = ModelEmitter.Class(api.Classes.Single(c => c.Name == "F"));
        Assert.DoesNotContain(JsonRequired, form, StringComparison.Ordinal);
        Assert.Contains("public required long A { get; set; }", form, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stale_or_unexplained_relaxation_is_a_warning()
    {
        var overlay = Write("overlay.json", """{ "notRequired": { "R.opt": "not required anyway", "R.nope": "typo", "R.n": " " } }""");

        var warnings = OpenApiEmitter.Build(Spec(), overlay).Warnings;

        Assert.Contains(warnings, w => w.Contains("notRequired: R.opt is not a required property", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("notRequired: R.nope is not a required property", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("notRequired: R.n needs a reason", StringComparison.Ordinal));
    }

    private string Spec() => Write("spec.json", """
        { "openapi": "3.0.0",
          "paths": {
            "/r": { "get": { "operationId": "getR", "tags": ["t"],
                             "responses": { "200": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/R" } } } } } } },
            "/f": { "post": { "operationId": "postF", "tags": ["t"],
                              "requestBody": { "content": { "application/x-www-form-urlencoded": { "schema": { "$ref": "#/components/schemas/F" } } } },
                              "responses": {} } } },
          "components": { "schemas": {
            "R": { "type": "object", "required": ["n", "relaxed"],
                   "properties": { "n": { "type": "integer" }, "relaxed": { "type": "integer" }, "opt": { "type": "string" } } },
            "F": { "type": "object", "required": ["a"], "properties": { "a": { "type": "integer" } } } } }
        }
        """);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }
}
