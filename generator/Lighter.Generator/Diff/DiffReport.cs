namespace Lighter.Generator.Diff;

/// <summary>How many operations, models or enums each document has, and how many were added, removed or changed.</summary>
internal sealed record SectionCounts(int Before, int After, int Added, int Removed, int Changed);

/// <summary>The result of comparing two documents: every change, in report order, plus the counts.</summary>
internal sealed record DiffReport(
    string OldName,
    string NewName,
    string? OverlayName,
    IReadOnlyDictionary<ReportSection, SectionCounts> Counts,
    IReadOnlyList<ApiChange> Changes)
{
    public int Count(ChangeSeverity severity) => Changes.Count(c => c.Severity == severity);

    public bool HasBreakingChanges => Changes.Any(c => c.Severity == ChangeSeverity.Breaking);

    /// <summary>Compares <paramref name="before"/> with <paramref name="after"/>.</summary>
    public static DiffReport Create(ApiSurface before, ApiSurface after, string oldName, string newName, string? overlayName)
    {
        var changes = new List<ApiChange>();
        OperationDiff.Compare(before, after, changes);
        ModelDiff.Compare(before, after, changes);
        EnumDiff.Compare(before, after, changes);

        // Enum value changes join their operation or model: sort by section and subject (stable within a subject).
        changes = changes.OrderBy(c => c.Area.Section()).ThenBy(c => SortKey(c.Subject), StringComparer.Ordinal).ToList();
        var counts = new Dictionary<ReportSection, SectionCounts>
        {
            [ReportSection.Operations] = CountSection(changes, ReportSection.Operations, before.Operations.Count, after.Operations.Count),
            [ReportSection.Models] = CountSection(changes, ReportSection.Models, before.Classes.Count, after.Classes.Count),
            [ReportSection.Enums] = CountSection(changes, ReportSection.Enums, before.Enums.Count, after.Enums.Count)
                with { Changed = ChangedEnums(changes) },
        };
        return new DiffReport(oldName, newName, overlayName, counts, changes);
    }

    /// <summary>The subjects of one section added (or removed) as a whole, in report order.</summary>
    public IReadOnlyList<string> WholeSubjects(ReportSection section, ChangeKind kind) => WholeSubjects(Changes, section, kind);

    /// <summary>The subjects of one section that exist on both sides and changed, in report order.</summary>
    public IReadOnlyList<string> ChangedSubjects(ReportSection section) => ChangedSubjects(Changes, section);

    private static SectionCounts CountSection(List<ApiChange> changes, ReportSection section, int before, int after) =>
        new(before, after, WholeSubjects(changes, section, ChangeKind.Added).Count,
            WholeSubjects(changes, section, ChangeKind.Removed).Count, ChangedSubjects(changes, section).Count);

    /// <summary>Operations sort by path, then verb ("GET /a" → "/a GET"); models and enums by name.</summary>
    private static string SortKey(string subject) => subject.IndexOf(' ', StringComparison.Ordinal) is var space and > 0
        ? $"{subject[(space + 1)..]} {subject[..space]}"
        : subject;

    /// <summary>Enums whose values changed (those changes are listed under the enum's parameter or property).</summary>
    private static int ChangedEnums(List<ApiChange> changes) => changes
        .Where(c => c.Aspect is EnumDiff.ValueAspect or EnumDiff.ValueNameAspect)
        .Select(c => (c.Before ?? c.After)!.Split('.')[0]).Distinct(StringComparer.Ordinal).Count();

    private static List<string> WholeSubjects(IEnumerable<ApiChange> changes, ReportSection section, ChangeKind kind) => changes
        .Where(c => c.Area.Section() == section && c.IsWhole && c.Kind == kind)
        .Select(c => c.Subject).Distinct(StringComparer.Ordinal).ToList();

    private static List<string> ChangedSubjects(IEnumerable<ApiChange> changes, ReportSection section) => changes
        .Where(c => c.Area.Section() == section && !c.IsWhole)
        .Select(c => c.Subject).Distinct(StringComparer.Ordinal).ToList();
}
