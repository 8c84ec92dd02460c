using System.Text.Json;

namespace Lighter.Generator.Tests;

/// <summary>
/// Facts read straight from an OpenAPI file with System.Text.Json, independently of the generator's reader,
/// so the tests compare the generated code against the spec rather than against the generator itself.
/// </summary>
internal sealed class SpecFacts
{
    private static readonly string[] Verbs = ["get", "put", "post", "delete", "patch", "head", "options"];

    private SpecFacts(JsonDocument document) => Root = document.RootElement;

    public JsonElement Root { get; }

    public static SpecFacts Load(string path) => new(JsonDocument.Parse(File.ReadAllBytes(path)));

    public IEnumerable<(string Id, string Method, string Path, JsonElement Operation)> Operations()
    {
        foreach (var path in Root.GetProperty("paths").EnumerateObject())
        {
            foreach (var verb in Verbs)
            {
                if (path.Value.TryGetProperty(verb, out var op))
                {
                    yield return (op.GetProperty("operationId").GetString()!, verb.ToUpperInvariant(), path.Name, op);
                }
            }
        }
    }

    public IEnumerable<(string Name, JsonElement Schema)> Schemas() =>
        Root.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => (s.Name, s.Value));

    public JsonElement Schema(string name) => Root.GetProperty("components").GetProperty("schemas").GetProperty(name);
}
