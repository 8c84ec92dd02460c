using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Lighter.Cli.Tests;

/// <summary>
/// Every <c>csharp</c> block of README.md compiles exactly as printed. The blocks of one <c>##</c> section continue each
/// other, so a section's blocks are compiled in order as one top-level program, with their <c>using X;</c> directives
/// (not <c>using var</c>) moved to the top. References: the framework, Lighter.Signing, Lighter.Client, Lighter.Testing,
/// Microsoft.Extensions.Hosting and what they reference. The only usings not printed are the implicit global usings of
/// an SDK project (<c>ImplicitUsings</c>: System, System.IO, System.Linq, System.Threading.Tasks, ...), as in the app a
/// reader pastes the snippet into.
/// </summary>
public sealed partial class ReadmeSnippetTests
{
    private const string ImplicitUsings =
        "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; " +
        "global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;";

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);

    public static TheoryData<string> Sections() => new(CSharpBlocks().Select(b => b.Section).Distinct());

    [Fact]
    public void The_readme_has_csharp_snippets_in_several_sections() => Assert.True(CSharpBlocks().Select(b => b.Section).Distinct().Count() >= 4, "README.md should show C# in at least 4 sections");

    [Theory]
    [MemberData(nameof(Sections))]
    public void A_readme_sections_csharp_compiles_as_printed(string section)
    {
        var blocks = CSharpBlocks().Where(b => b.Section == section).ToList();
        var program = Program(blocks);
        var compilation = CSharpCompilation.Create(
            "ReadmeSnippet",
            [CSharpSyntaxTree.ParseText(program, Parse, "README.md"), CSharpSyntaxTree.ParseText(ImplicitUsings, Parse, "GlobalUsings.g.cs")],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.True(errors.Count == 0, $"README section '{section}' (blocks at lines {string.Join(", ", blocks.Select(b => b.Line))}) does not compile:\n" +
            string.Join('\n', errors) + "\n--- compiled as ---\n" + program);
    }

    private static CSharpParseOptions Parse => new(LanguageVersion.Latest);

    private static IEnumerable<Readme.Block> CSharpBlocks() => Readme.Blocks().Where(b => b.Language is "csharp" or "cs" or "c#");

    /// <summary>The section's blocks in order, <c>using</c> directives first.</summary>
    private static string Program(IEnumerable<Readme.Block> blocks)
    {
        var lines = blocks.SelectMany(b => b.Text.Split('\n')).ToList();
        var usings = lines.Where(l => UsingDirective().IsMatch(l)).Distinct();
        return string.Join('\n', usings.Concat(lines.Where(l => !UsingDirective().IsMatch(l))));
    }

    private static List<MetadataReference> LoadReferences()
    {
        var known = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
            .GroupBy(p => Path.GetFileNameWithoutExtension(p)!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var framework = Directory.GetFiles(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "*.dll");
        Type[] roots = [typeof(Lighter.Signing.LighterPrivateKey), typeof(Lighter.Client.LighterClient), typeof(Lighter.Testing.LighterSandbox), typeof(Microsoft.Extensions.Hosting.Host)];
        var pending = new Queue<string>(roots.Select(t => t.Assembly.Location).Concat(framework));
        var chosen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (pending.TryDequeue(out var path))
        {
            if (!chosen.Add(path) || ReferencedNames(path) is not { } names) continue;
            foreach (var name in names)
            {
                if (known.TryGetValue(name, out var next)) pending.Enqueue(next);
            }
        }

        return chosen.Where(p => ReferencedNames(p) is not null).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    }

    /// <summary>The assemblies a managed assembly references, or null when the file is not a managed assembly.</summary>
    private static List<string>? ReferencedNames(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata) return null;
        var metadata = pe.GetMetadataReader();
        if (!metadata.IsAssembly) return null;
        return metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
    }

    /// <summary>A <c>using</c> directive (namespace, static or alias), not a <c>using var</c> or <c>using (...)</c> statement.</summary>
    [GeneratedRegex(@"^\s*using\s+(?!var\b)(static\s+)?[A-Za-z_][\w.]*(\s*=\s*[\w.<>, ]+)?\s*;\s*(//.*)?$")]
    private static partial Regex UsingDirective();
}
