using Lighter.Generator.Cli;
using Lighter.Generator.CSharp;

namespace Lighter.Generator.OpenApi;

/// <summary>OpenAPI document + overlay → Refit interfaces, models, wire enums, operation catalog, JSON context, and the
/// SDK lists built from the interfaces (client properties, DI registrations).</summary>
internal sealed class OpenApiEmitter : ICodeEmitter
{
    /// <summary>Folder of the partials that complete handwritten SDK types (they compile only together with them).</summary>
    public const string SdkFolder = "Sdk";

    public IReadOnlyList<string> Options { get; } = ["openapi", "overlay"];

    public bool IsRequested(GenerateOptions options) => options.Get("openapi") is not null;

    public EmitResult Emit(GenerateOptions options)
    {
        var specPath = options.Require("openapi");
        var api = Build(specPath, options.Get("overlay"));
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var i in api.Interfaces)
        {
            files[$"Api/{i.Name}.g.cs"] = ApiEmitter.Interface(i);
        }

        files["Api/LighterOperations.g.cs"] = ApiEmitter.Catalog(api.Interfaces);
        files[$"Api/{PagingEmitter.ClassName}.g.cs"] = PagingEmitter.Extensions(api.Paged);
        files[$"{SdkFolder}/LighterClient.Apis.g.cs"] = SdkEmitter.ClientProperties(api.Interfaces);
        files[$"{SdkFolder}/LighterServiceCollectionExtensions.Apis.g.cs"] = SdkEmitter.ServiceRegistrations(api.Interfaces);
        foreach (var c in api.Classes)
        {
            files[$"Models/{c.Name}.g.cs"] = ModelEmitter.Class(c);
        }

        foreach (var e in api.Enums)
        {
            files[$"Models/Enums/{e.Name}.g.cs"] = ModelEmitter.Enum(e);
        }

        files["Models/WireValues.g.cs"] = ModelEmitter.WireValues(api.Enums);
        files["Serialization/LighterJsonContext.g.cs"] = ModelEmitter.JsonContext(api.Classes.Where(c => !c.IsFormBody));
        return new EmitResult(files, api.Warnings, specPath);
    }

    /// <summary>Reads the spec, applies the overlay and builds the C# model (also used by the tests).</summary>
    public static CsApi Build(string specPath, string? overlayPath)
    {
        var overlay = Overlay.Load(overlayPath);
        var document = new OpenApiReader(overlay.Formats, overlay.ParameterPatches()).Read(OpenApiReader.LoadJson(specPath));
        var warnings = new List<string>();
        var taken = new HashSet<string>(document.Schemas.Select(s => TypeMapper.ClassName(s.Name)), StringComparer.Ordinal);
        var types = new TypeMapper(overlay, taken, warnings);
        var classes = new ModelBuilder(document, overlay, types, warnings).Build();
        var interfaces = new ApiBuilder(document, overlay, types, warnings).Build();
        var paged = PagingBuilder.Build(interfaces, classes, warnings);
        warnings.AddRange(StaleOverlayEntries(overlay, document));
        return new CsApi(interfaces, classes, types.Enums, paged, warnings);
    }

    /// <summary>
    /// Overlay names for properties a schema does not have are almost always typos. (A whole schema may be missing:
    /// the same overlay serves older spec versions.)
    /// </summary>
    private static IEnumerable<string> StaleOverlayEntries(Overlay overlay, ApiDocument document)
    {
        foreach (var (schema, names) in overlay.PropertyNames)
        {
            var found = document.FindSchema(schema);
            foreach (var property in names.Keys.Where(p => found is not null && found.Properties.All(x => x.Name != p)))
            {
                yield return $"overlay propertyNames: {schema}.{property} is not in the document";
            }
        }

        foreach (var (key, why) in overlay.NotRequired)
        {
            var dot = key.IndexOf('.', StringComparison.Ordinal);
            var property = dot < 0 ? null
                : document.FindSchema(key[..dot])?.Properties.FirstOrDefault(p => p.Name == key[(dot + 1)..]);
            if (property is not { Required: true })
            {
                yield return $"overlay notRequired: {key} is not a required property in the document (stale entry?)";
            }
            else if (string.IsNullOrWhiteSpace(why))
            {
                yield return $"overlay notRequired: {key} needs a reason (why the live exchange omits it)";
            }
        }
    }
}
