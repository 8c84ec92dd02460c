using Lighter.Generator.Cli;
using Lighter.Generator.OpenApi;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Lighter.Generator.Tests;

/// <summary>
/// Generated code compiles without warnings, for the current spec and for the older history spec (what
/// <c>-p:LighterOpenApiPath=.../openapi-0701ab4.json</c> builds). The built Lighter.Client assembly proves it for the
/// current spec at build time; these compile in memory so any spec version can be checked quickly.
/// </summary>
public class CompileTests
{
    public static TheoryData<string> Specs => new() { "current", "history" };

    [Theory]
    [MemberData(nameof(Specs))]
    public void Generated_code_compiles_without_warnings(string which)
    {
        var spec = which == "current" ? TestPaths.OpenApi : TestPaths.HistoryOpenApi;
        var result = new OpenApiEmitter().Emit(Options(spec));
        Assert.Empty(result.Warnings);

        // The JSON context needs the System.Text.Json source generator, which runs in the real build only; the SDK
        // partials complete handwritten types (LighterClient, the DI extensions), so the real build compiles them.
        var trees = result.Files.Where(f => !f.Key.EndsWith("LighterJsonContext.g.cs", StringComparison.Ordinal)
                                            && !f.Key.StartsWith(OpenApiEmitter.SdkFolder + "/", StringComparison.Ordinal))
            .Select(f => CSharpSyntaxTree.ParseText(f.Value, new CSharpParseOptions(LanguageVersion.Latest), f.Key));
        var compilation = CSharpCompilation.Create("Lighter.Client.GeneratedCheck", trees, References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        // CS0436: the in-memory types shadow the same generated types inside the referenced Lighter.Client.dll.
        var problems = compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS0436")
            .Select(d => d.ToString())
            .ToList();
        Assert.Empty(problems);
    }

    [Fact]
    public void Refit_generated_an_implementation_for_every_interface()
    {
        using var http = new HttpClient { BaseAddress = new Uri("https://api.test/") };
        var interfaces = SurfaceDescriber.ApiInterfaces().ToList();
        Assert.NotEmpty(interfaces);
        foreach (var api in interfaces)
        {
            var client = Refit.RestService.For(api, http, Lighter.Client.Serialization.LighterRefitSettings.Create());
            Assert.True(api.IsInstanceOfType(client), api.Name);
        }
    }

    [Fact]
    public void History_spec_generates_every_operation_and_schema()
    {
        var history = SpecFacts.Load(TestPaths.HistoryOpenApi);
        var api = OpenApiEmitter.Build(TestPaths.HistoryOpenApi, TestPaths.Overlay);
        var generatedOps = api.Interfaces.SelectMany(i => i.Methods).Select(m => m.Operation.OperationId).ToHashSet();
        var specOps = history.Operations().Select(o => o.Id).ToList();
        Assert.NotEmpty(specOps);
        Assert.All(specOps, id => Assert.Contains(id, generatedOps));
        var classes = api.Classes.Select(c => c.Name).ToHashSet();
        Assert.All(history.Schemas(), s => Assert.Contains(s.Name, classes));
    }

    internal static GenerateOptions Options(string spec) => new(new Dictionary<string, string>
    {
        ["openapi"] = spec,
        ["overlay"] = TestPaths.Overlay,
    });

    private static IEnumerable<MetadataReference> References()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform
            .Append(typeof(Refit.GetAttribute).Assembly.Location)
            .Append(SurfaceDescriber.ClientAssembly.Location)
            .Distinct()
            .Select(p => MetadataReference.CreateFromFile(p));
    }
}
