using System.Text;

namespace Lighter.Generator.Diff;

/// <summary>A changed operation or schema with one line per change.</summary>
internal sealed record DiffEntry(string Title, IReadOnlyList<string> Changes);

/// <summary>The result of <see cref="ApiDiff.Compare"/>, printable as a plain-text report.</summary>
internal sealed record DiffReport(
    int OldOperationCount,
    int NewOperationCount,
    int OldSchemaCount,
    int NewSchemaCount,
    IReadOnlyList<string> AddedOperations,
    IReadOnlyList<string> RemovedOperations,
    IReadOnlyList<DiffEntry> ChangedOperations,
    IReadOnlyList<string> AddedSchemas,
    IReadOnlyList<string> RemovedSchemas,
    IReadOnlyList<DiffEntry> ChangedSchemas)
{
    public bool HasChanges => AddedOperations.Count + RemovedOperations.Count + ChangedOperations.Count
        + AddedSchemas.Count + RemovedSchemas.Count + ChangedSchemas.Count > 0;

    public string Render(string oldName, string newName)
    {
        var sb = new StringBuilder();
        sb.Append("API changes: ").Append(oldName).Append(" -> ").Append(newName).Append('\n');
        sb.Append($"Operations: {OldOperationCount} -> {NewOperationCount} ({AddedOperations.Count} added, " +
                  $"{RemovedOperations.Count} removed, {ChangedOperations.Count} changed)\n");
        sb.Append($"Schemas: {OldSchemaCount} -> {NewSchemaCount} ({AddedSchemas.Count} added, " +
                  $"{RemovedSchemas.Count} removed, {ChangedSchemas.Count} changed)\n");
        Section(sb, "Added operations", AddedOperations.Select(a => "+ " + a));
        Section(sb, "Removed operations", RemovedOperations.Select(r => "- " + r));
        Entries(sb, "Changed operations", ChangedOperations);
        Section(sb, "Added schemas", AddedSchemas.Select(a => "+ " + a));
        Section(sb, "Removed schemas", RemovedSchemas.Select(r => "- " + r));
        Entries(sb, "Changed schemas", ChangedSchemas);
        return sb.ToString();
    }

    private static void Section(StringBuilder sb, string title, IEnumerable<string> lines)
    {
        sb.Append('\n').Append(title).Append('\n');
        var any = false;
        foreach (var line in lines)
        {
            sb.Append("  ").Append(line).Append('\n');
            any = true;
        }

        if (!any)
        {
            sb.Append("  (none)\n");
        }
    }

    private static void Entries(StringBuilder sb, string title, IReadOnlyList<DiffEntry> entries) =>
        Section(sb, title, entries.SelectMany(e => e.Changes.Select(c => "    " + c).Prepend("~ " + e.Title)));
}
