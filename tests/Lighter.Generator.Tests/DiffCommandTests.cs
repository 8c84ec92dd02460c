using Lighter.Generator.Diff;

namespace Lighter.Generator.Tests;

/// <summary>
/// <c>diff</c> between the history spec (0701ab4) and the current one. Expected changes are the ones listed in
/// docs/spec-notes.md (computed there with a separate script), not taken from this tool's output.
/// </summary>
public class DiffCommandTests
{
    private static readonly string Report = Run(TestPaths.HistoryOpenApi, TestPaths.OpenApi);

    [Fact]
    public void Summarises_operation_and_schema_counts()
    {
        Assert.Contains("Operations: 72 -> 86 (14 added, 0 removed, 12 changed)", Report, StringComparison.Ordinal);
        Assert.Contains("Schemas: 130 -> 157 (27 added, 0 removed, 29 changed)", Report, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+ GET /api/v1/accountOrders  (accountOrders, tag order)")]
    [InlineData("+ GET /api/v1/rfq/list  (rfq_list, tag account)")]
    [InlineData("+ RFQEntry (")]
    [InlineData("+ SubAccountMetadata (")]
    public void Lists_added_operations_and_schemas(string line) => Assert.Contains(line, Report, StringComparison.Ordinal);

    [Fact]
    public void Lists_parameter_changes_under_their_operation()
    {
        Assert.Contains("~ GET /api/v1/accountTxs  (accountTxs)\n      - parameter auth (query", Report, StringComparison.Ordinal);
        Assert.Contains("~ GET /api/v1/export  (export)\n      + parameter aggregate (query, boolean, optional)", Report, StringComparison.Ordinal);
        var positionFunding = Section("~ GET /api/v1/positionFunding");
        Assert.Contains("+ parameter market_ids (query", positionFunding, StringComparison.Ordinal);
        Assert.Contains("- parameter market_id (query", positionFunding, StringComparison.Ordinal);
        Assert.Contains("~ parameter resolution (query): enum", Section("~ GET /api/v1/candles"), StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_property_changes_under_their_schema()
    {
        Assert.Contains("+ property multiplier (string", Section("~ AccountAsset\n"), StringComparison.Ordinal);
        Assert.Contains("- property remaining_usage", Section("~ ReferralCode\n"), StringComparison.Ordinal);
        Assert.Contains("~ property x: no longer required", Section("~ ReqUseReferralCode\n"), StringComparison.Ordinal);
        Assert.Contains("~ property margin_mode: enum", Section("~ Asset\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Identical_documents_have_no_changes()
    {
        var same = Run(TestPaths.OpenApi, TestPaths.OpenApi);
        Assert.Contains("(0 added, 0 removed, 0 changed)", same, StringComparison.Ordinal);
        Assert.DoesNotContain("\n  ~ ", same, StringComparison.Ordinal);
    }

    private static string Section(string title)
    {
        var start = Report.IndexOf(title, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{title}' not in report");
        var end = Report.IndexOf("\n  ~ ", start + 1, StringComparison.Ordinal);
        return Report[start..(end < 0 ? Report.Length : end)];
    }

    private static string Run(string oldPath, string newPath)
    {
        using var output = new StringWriter();
        Assert.Equal(0, DiffCommand.Run(oldPath, newPath, output));
        return output.ToString();
    }
}
