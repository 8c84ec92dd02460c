using System.Diagnostics;
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ConsumerTests;

/// <summary>
/// Checks the packed files themselves: versions, metadata, release notes, symbols with SourceLink, READMEs, the
/// dependency table of the repository README, and the installed tool. The packaging script passes the folders in
/// environment variables.
/// </summary>
public sealed partial class PackageContentsTests
{
    private static readonly string[] Libraries = ["Lighter.Signing", "Lighter.Client", "Lighter.Testing"];
    private static readonly string[] Packages = [.. Libraries, "Lighter.Cli"];
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    private static string PackagesDir => Env("LIGHTER_PACKAGES_DIR");
    private static string Version => Env("LIGHTER_PACKAGE_VERSION");
    private static string RepoDir => Env("LIGHTER_REPO_DIR");
    private static string Commit => Env("LIGHTER_COMMIT");

    private static string RepositoryUrl
    {
        get
        {
            var props = File.ReadAllText(Path.Combine(RepoDir, "Directory.Build.props"));
            return RepositoryUrlProperty().Match(props) is { Success: true } m ? m.Groups[1].Value
                : throw new InvalidOperationException("Directory.Build.props sets no RepositoryUrl.");
        }
    }

    [Fact]
    public void Every_package_has_a_nupkg_and_a_snupkg_of_the_git_version_and_nothing_else_is_packed()
    {
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$", Version);
        var expected = Packages.SelectMany(p => new[] { $"{p}.{Version}.nupkg", $"{p}.{Version}.snupkg" }).Order();

        var actual = Directory.GetFiles(PackagesDir).Select(Path.GetFileName).Order();

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void The_nuspec_names_the_repository_commit_project_url_tags_licence_and_own_readme(string id)
    {
        var metadata = Nuspec(id);

        Assert.Equal(id, Value(metadata, "id"));
        Assert.Equal(Version, Value(metadata, "version"));
        var repository = metadata.Element(metadata.Name.Namespace + "repository")!;
        Assert.Equal(("git", RepositoryUrl, Commit),
            ((string?)repository.Attribute("type"), (string?)repository.Attribute("url"), (string?)repository.Attribute("commit")));
        Assert.Equal(RepositoryUrl, Value(metadata, "projectUrl"));
        Assert.Contains("lighter", Value(metadata, "tags").Split(' '));
        Assert.Equal("MIT", Value(metadata, "license"));
        Assert.Equal("README.md", Value(metadata, "readme"));

        var readme = Entry(NupkgPath(id), "README.md");
        Assert.StartsWith($"# {id}\n", readme, StringComparison.Ordinal);
        Assert.Contains(id, readme, StringComparison.Ordinal);
        foreach (var repositoryOnly in new[] { "samples/", "../shared", ".ci/run", "](docs/", "](spec/" })
        {
            Assert.DoesNotContain(repositoryOnly, readme, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void The_release_notes_are_the_changelog_section_of_the_version(string id)
    {
        var changelog = File.ReadAllText(Path.Combine(RepoDir, "CHANGELOG.md")).ReplaceLineEndings("\n");
        var heading = changelog.Contains($"## [{Version}]", StringComparison.Ordinal) ? Version : "Unreleased";
        var start = changelog.IndexOf($"## [{heading}]", StringComparison.Ordinal);
        Assert.True(start >= 0, $"CHANGELOG.md has no [{heading}] section");
        var body = changelog[(changelog.IndexOf('\n', start) + 1)..];
        var next = body.IndexOf("\n## [", StringComparison.Ordinal);
        var section = (next < 0 ? body : body[..next]).Trim();

        var notes = Value(Nuspec(id), "releaseNotes").ReplaceLineEndings("\n").Trim();

        Assert.Equal(section.Length > 0 ? section : "No notable changes since the previous release.", notes);
    }

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void Every_assembly_has_its_pdb_in_the_snupkg_with_source_link_to_the_commit(string id)
    {
        using var nupkg = ZipFile.OpenRead(NupkgPath(id));
        using var snupkg = ZipFile.OpenRead(Path.Combine(PackagesDir, $"{id}.{Version}.snupkg"));
        // A tool carries the assemblies it runs (the libraries too); a library its own assembly.
        var assemblies = nupkg.Entries.Where(e => e.FullName.EndsWith(".dll", StringComparison.Ordinal)
            && (e.FullName.StartsWith("lib/", StringComparison.Ordinal) || IsOurs(e.Name))).ToList();
        Assert.NotEmpty(assemblies);
        var contentUrl = RepositoryUrl.Replace("https://github.com/", "https://raw.githubusercontent.com/", StringComparison.Ordinal)
            + "/" + Commit + "/*";

        foreach (var assembly in assemblies)
        {
            var pdbEntry = snupkg.GetEntry(Path.ChangeExtension(assembly.FullName, ".pdb"));
            Assert.True(pdbEntry is not null, $"{id}: no symbols for {assembly.FullName}");
            var codeView = CodeView(assembly);
            using var pdbStream = Copy(pdbEntry);
            using var provider = MetadataReaderProvider.FromPortablePdbStream(pdbStream);
            var pdb = provider.GetMetadataReader();

            Assert.Equal(new BlobContentId(codeView.Guid, codeView.Stamp), new BlobContentId(pdb.DebugMetadataHeader!.Id));
            var sourceLink = pdb.GetCustomDebugInformation(EntityHandle.ModuleDefinition)
                .Select(pdb.GetCustomDebugInformation)
                .Where(c => pdb.GetGuid(c.Kind) == SourceLinkKind)
                .Select(c => pdb.GetBlobBytes(c.Value))
                .SingleOrDefault();
            Assert.True(sourceLink is not null, $"{assembly.FullName}: the pdb has no SourceLink");
            var documents = JsonDocument.Parse(sourceLink).RootElement.GetProperty("documents").EnumerateObject().ToList();
            var map = Assert.Single(documents);
            Assert.Equal(contentUrl, map.Value.GetString());

            // Every source document of the assembly is reachable through the map (or embedded: generated code).
            var prefix = map.Name.TrimEnd('*');
            var embedded = EmbeddedDocuments(pdb);
            var unmapped = pdb.Documents.Select(h => pdb.GetString(pdb.GetDocument(h).Name))
                .Where(n => !n.StartsWith(prefix, StringComparison.Ordinal) && !embedded.Contains(n)).ToList();
            Assert.True(unmapped.Count == 0, $"{assembly.FullName}: not linked: {string.Join(", ", unmapped.Take(5))}");
        }
    }

    [Fact]
    public void The_readme_table_states_each_packages_dependencies_as_packed()
    {
        var readme = File.ReadAllText(Path.Combine(RepoDir, "README.md"));
        var section = readme[readme.IndexOf("## Install as packages", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 5, StringComparison.Ordinal)];

        foreach (var id in Packages)
        {
            var row = section.Split('\n').SingleOrDefault(l => l.StartsWith($"| `{id}` |", StringComparison.Ordinal));
            Assert.True(row is not null, $"README's package table has no row for {id}");
            var dependsOn = row.Split('|', StringSplitOptions.TrimEntries)[3];
            var stated = DependencyText().Matches(dependsOn)
                .Select(m => $"{m.Groups["id"].Value} {(m.Groups["version"].Value == "(this version)" ? Version : m.Groups["version"].Value)}")
                .Order().ToList();

            var metadata = Nuspec(id);
            var ns = metadata.Name.Namespace;
            var packed = metadata.Descendants(ns + "dependency").Select(d => $"{d.Attribute("id")!.Value} {d.Attribute("version")!.Value}")
                .Concat(metadata.Descendants(ns + "frameworkReference").Select(f => $"{f.Attribute("name")!.Value} (shared framework)"))
                .Distinct().Order().ToList();

            Assert.True(packed.SequenceEqual(stated),
                $"{id}: README states [{string.Join(", ", stated)}], the nuspec has [{string.Join(", ", packed)}]");
        }
    }

    [Fact]
    public async Task The_installed_tool_prints_the_package_version_and_commit()
    {
        var tool = Path.Combine(Env("LIGHTER_TOOL_DIR"), OperatingSystem.IsWindows() ? "lighter.exe" : "lighter");
        var start = new ProcessStartInfo(tool, "--version") { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(0, process.ExitCode);
        Assert.Equal($"{Version}+{Commit}", output.Trim());
    }

    public static TheoryData<string> PackageIds() => [.. Packages];

    private static bool IsOurs(string fileName) =>
        fileName == "lighter.dll" || Libraries.Any(l => fileName == l + ".dll");

    private static (Guid Guid, uint Stamp) CodeView(ZipArchiveEntry assembly)
    {
        using var stream = Copy(assembly);
        using var pe = new PEReader(stream);
        var entry = pe.ReadDebugDirectory().Single(d => d.Type == DebugDirectoryEntryType.CodeView);
        return (pe.ReadCodeViewDebugDirectoryData(entry).Guid, entry.Stamp);
    }

    private static HashSet<string> EmbeddedDocuments(MetadataReader pdb)
    {
        var embeddedSource = new Guid("0E8A571B-6926-466E-B4AD-8AB04611F5FE");
        return [.. pdb.CustomDebugInformation.Select(pdb.GetCustomDebugInformation)
            .Where(c => pdb.GetGuid(c.Kind) == embeddedSource && c.Parent.Kind == HandleKind.Document)
            .Select(c => pdb.GetString(pdb.GetDocument((DocumentHandle)c.Parent).Name))];
    }

    private static MemoryStream Copy(ZipArchiveEntry entry)
    {
        var copy = new MemoryStream();
        using (var source = entry.Open())
        {
            source.CopyTo(copy);
        }

        copy.Position = 0;
        return copy;
    }

    private static string NupkgPath(string id) => Path.Combine(PackagesDir, $"{id}.{Version}.nupkg");

    private static XElement Nuspec(string id)
    {
        var document = XDocument.Parse(Entry(NupkgPath(id), $"{id}.nuspec"));
        return document.Root!.Element(document.Root.Name.Namespace + "metadata")!;
    }

    private static string Value(XElement metadata, string name) =>
        metadata.Element(metadata.Name.Namespace + name)?.Value ?? throw new InvalidOperationException($"The nuspec has no <{name}>.");

    private static string Entry(string package, string name)
    {
        using var zip = ZipFile.OpenRead(package);
        var entry = zip.GetEntry(name) ?? throw new InvalidOperationException($"{Path.GetFileName(package)} has no {name}.");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    private static string Env(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value
            : throw new InvalidOperationException($"{name} is not set: run these tests through .ci/package-test/run.");

    [GeneratedRegex(@"<RepositoryUrl>([^<]+)</RepositoryUrl>")]
    private static partial Regex RepositoryUrlProperty();

    // `Id` 1.2.3, `Id` (this version) or `Id` (shared framework).
    [GeneratedRegex(@"`(?<id>[A-Za-z0-9_.]+)` (?<version>\d+\.\d+\.\d+[0-9A-Za-z.-]*|\(this version\)|\(shared framework\))")]
    private static partial Regex DependencyText();
}
