using Lighter.Generator.OpenApi;

namespace Lighter.Generator.Diff;

/// <summary><c>diff OLD NEW</c>: prints what changed between two OpenAPI documents (exit code 0 either way).</summary>
internal static class DiffCommand
{
    public static int Run(string oldPath, string newPath, TextWriter output)
    {
        var reader = () => new OpenApiReader();
        var report = ApiDiff.Compare(
            reader().Read(OpenApiReader.LoadJson(oldPath)),
            reader().Read(OpenApiReader.LoadJson(newPath)));
        output.Write(report.Render(Path.GetFileName(oldPath), Path.GetFileName(newPath)));
        return 0;
    }
}
