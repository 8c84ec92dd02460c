using System.Text.Json;

namespace Lighter.Generator.Tests.Diff;

/// <summary>The <c>diff</c> command line: help, exit codes, bad arguments, unreadable files, <c>--out</c>, <c>--json</c>.</summary>
public sealed class DiffCommandLineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lighter-diff-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("a.json", "--help")]
    public void Help_exits_0_and_prints_the_usage(params string[] args)
    {
        var run = DiffRun.Of(args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("diff OLD NEW", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Theory]
    [InlineData]
    [InlineData("only-one.json")]
    [InlineData("a.json", "b.json", "c.json")]
    [InlineData("a.json", "b.json", "--bogus")]
    [InlineData("a.json", "b.json", "--fail-on", "sometimes")]
    [InlineData("a.json", "b.json", "--out")]
    public void Bad_arguments_exit_2_with_a_one_line_message(params string[] args)
    {
        var run = DiffRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_missing_document_exits_2_naming_the_file()
    {
        var missing = Path.Combine(_dir, "missing.json");

        var run = DiffRun.Of(TestPaths.OpenApi, missing, "--overlay", TestPaths.Overlay);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"NEW document '{missing}'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_that_is_not_json_exits_2_naming_the_file()
    {
        var broken = Path.Combine(_dir, "broken.json");
        File.WriteAllText(broken, "openapi: 3.0.0\n");

        var run = DiffRun.Of(broken, TestPaths.OpenApi, "--overlay", TestPaths.Overlay);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"OLD document '{broken}'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_overlay_exits_2_naming_the_file()
    {
        var missing = Path.Combine(_dir, "overlay.json");

        var run = DiffRun.Of(TestPaths.OpenApi, TestPaths.OpenApi, "--overlay", missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"overlay '{missing}'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_against_itself_has_no_changes_and_passes_fail_on_breaking()
    {
        var run = DiffRun.Of(TestPaths.OpenApi, TestPaths.OpenApi, "--overlay", TestPaths.Overlay, "--json", "--fail-on", "breaking");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Changes);
        var operations = run.Summary.GetProperty("operations");
        Assert.Equal(operations.GetProperty("before").GetInt32(), operations.GetProperty("after").GetInt32());
        Assert.True(operations.GetProperty("before").GetInt32() > 0);
    }

    [Fact]
    public void Out_writes_the_report_to_the_file_and_a_summary_line_to_stdout()
    {
        var file = Path.Combine(_dir, "report.json");

        var run = DiffRun.Of(TestPaths.HistoryOpenApi, TestPaths.OpenApi, "--overlay", TestPaths.Overlay, "--json", "--out", file);

        Assert.Equal(0, run.ExitCode);
        using var report = JsonDocument.Parse(File.ReadAllText(file));
        var breaking = report.RootElement.GetProperty("summary").GetProperty("breaking").GetInt32();
        Assert.Contains($"{breaking} breaking", run.Output, StringComparison.Ordinal);
        Assert.Equal(["old", "new", "overlay", "summary", "changes"], report.RootElement.EnumerateObject().Select(p => p.Name));
    }
}
