using System.Reflection;
using System.Text.RegularExpressions;
using Lighter.Client;
using Lighter.Signing;

namespace Lighter.Testing.Tests.PublicApi;

/// <summary>Rules over the public surface of the three shipped libraries, read by reflection.</summary>
public sealed partial class PublicSurfaceTests
{
    private static readonly Assembly[] Libraries = [typeof(LighterSigner).Assembly, typeof(LighterClient).Assembly, typeof(LighterSandbox).Assembly];

    private static IEnumerable<Type> PublicTypes => Libraries.SelectMany(a => a.GetExportedTypes());

    [Fact]
    public void No_two_public_types_share_a_simple_name()
    {
        var clashes = PublicTypes
            .GroupBy(t => t.Name, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(" / ", g.Select(t => t.FullName)))
            .ToList();

        Assert.Empty(clashes);
    }

    [Fact]
    public void No_public_method_or_constructor_takes_a_bool_for_the_side()
    {
        const BindingFlags Members = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var offenders = PublicTypes
            .SelectMany(t => t.GetMethods(Members).Cast<MethodBase>().Concat(t.GetConstructors(Members)))
            .SelectMany(m => m.GetParameters().Select(p => (Member: m, Parameter: p)))
            .Where(x => (x.Parameter.ParameterType == typeof(bool) || x.Parameter.ParameterType == typeof(bool?))
                        && SideName().IsMatch(x.Parameter.Name ?? ""))
            .Select(x => $"{x.Member.DeclaringType!.FullName}.{x.Member.Name}({x.Parameter.Name})")
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Handwritten_types_have_no_bool_side_property()
    {
        // Generated REST and stream models mirror the wire (is_ask beside a side string); they are data, not signatures.
        var offenders = PublicTypes
            .Where(t => t.Namespace is not ("Lighter.Client.Models" or "Lighter.Client.Streaming.Messages"))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => (p.PropertyType == typeof(bool) || p.PropertyType == typeof(bool?)) && SideName().IsMatch(p.Name))
            .Select(p => $"{p.DeclaringType!.FullName}.{p.Name}")
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void Every_public_exception_derives_from_LighterException()
    {
        var exceptions = PublicTypes.Where(t => typeof(Exception).IsAssignableFrom(t)).ToList();

        Assert.Contains(typeof(LighterApiException), exceptions);
        Assert.All(exceptions, t => Assert.True(typeof(LighterException).IsAssignableFrom(t), t.FullName + " does not derive from LighterException"));
    }

    [Fact]
    public void Namespaces_follow_folders()
    {
        var src = Path.Combine(SharedFiles.RepoRoot, "src");
        var wrong = new List<string>();
        foreach (var project in new[] { "Lighter.Signing", "Lighter.Client", "Lighter.Testing" })
        {
            var root = Path.Combine(src, project);
            foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file);
                if (relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal)) continue;
                var folder = Path.GetDirectoryName(relative)!.Replace(Path.DirectorySeparatorChar, '.');
                // Extension methods for IServiceCollection live where the container's own do, by .NET convention.
                var expected = folder == "DependencyInjection" ? "Microsoft.Extensions.DependencyInjection"
                    : folder.Length == 0 ? project : project + "." + folder;
                var declared = NamespaceLine().Match(File.ReadAllText(file)).Groups[1].Value;
                if (declared != expected) wrong.Add($"{relative}: namespace {declared}, folder says {expected}");
            }
        }

        Assert.Empty(wrong);
    }

    [GeneratedRegex("^(is)?(ask|bid|sell|buy)$", RegexOptions.IgnoreCase)]
    private static partial Regex SideName();

    [GeneratedRegex(@"^namespace ([A-Za-z0-9_.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();
}
