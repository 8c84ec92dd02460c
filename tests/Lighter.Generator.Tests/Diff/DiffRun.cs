using System.Text.Json;
using Lighter.Generator.Diff;

namespace Lighter.Generator.Tests.Diff;

/// <summary>One run of <c>diff</c> through its command-line entry point: exit code, stdout, stderr.</summary>
internal sealed record DiffRun(int ExitCode, string Output, string Error)
{
    public static DiffRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = DiffCommand.Run(args, output, error);
        return new DiffRun(code, output.ToString(), error.ToString());
    }

    /// <summary>The <c>--json</c> report's changes (fails when the output is not the JSON report).</summary>
    public IReadOnlyList<JsonElement> Changes =>
        JsonDocument.Parse(Output).RootElement.GetProperty("changes").EnumerateArray().ToList();

    public JsonElement Summary => JsonDocument.Parse(Output).RootElement.GetProperty("summary");
}

/// <summary>Reads the fields of one JSON change object.</summary>
internal static class ChangeFields
{
    public static string? Get(this JsonElement change, string name) => change.GetProperty(name).GetString();
}
