using System.Globalization;
using System.Text;

namespace Lighter.Generator.Diff;

/// <summary>
/// Renders a <see cref="DiffReport"/> as Markdown for review: counts, every breaking change first, then each
/// section (added, removed, changed per subject). Every line names the C# member; descriptions show old and new text.
/// </summary>
internal static class MarkdownReport
{
    public static string Render(DiffReport report)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# API changes: `{report.OldName}` → `{report.NewName}`\n\n");
        sb.Append(report.OverlayName is null
            ? "Both documents read without an overlay; "
            : $"Both documents read through `{report.OverlayName}`; ");
        sb.Append("members are the C# the generator emits for them.\n\n");
        Counts(sb, report);
        sb.Append(CultureInfo.InvariantCulture,
            $"\n**{report.Count(ChangeSeverity.Breaking)} breaking**, {report.Count(ChangeSeverity.Additive)} additive, " +
            $"{report.Count(ChangeSeverity.Description)} description changes.\n");

        sb.Append("\n## Breaking changes\n\n");
        var breaking = report.Changes.Where(c => c.Severity == ChangeSeverity.Breaking).ToList();
        foreach (var c in breaking)
        {
            sb.Append(CultureInfo.InvariantCulture, $"- `{c.Subject}`: {Text(c)}\n");
        }

        sb.Append(breaking.Count == 0 ? "None.\n" : string.Empty);
        foreach (var section in Enum.GetValues<ReportSection>())
        {
            Section(sb, report, section);
        }

        return sb.ToString();
    }

    private static void Counts(StringBuilder sb, DiffReport report)
    {
        sb.Append("| | Before | After | Added | Removed | Changed |\n|---|--:|--:|--:|--:|--:|\n");
        foreach (var (section, n) in report.Counts.OrderBy(c => c.Key))
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"| {section} | {n.Before} | {n.After} | {n.Added} | {n.Removed} | {n.Changed} |\n");
        }
    }

    private static void Section(StringBuilder sb, DiffReport report, ReportSection section)
    {
        sb.Append(CultureInfo.InvariantCulture, $"\n## {section}\n");
        var changes = report.Changes.Where(c => c.Area.Section() == section).ToList();
        if (changes.Count == 0)
        {
            sb.Append("\nNo changes.\n");
            return;
        }

        foreach (var kind in (ChangeKind[])[ChangeKind.Added, ChangeKind.Removed])
        {
            var whole = changes.Where(c => c.IsWhole && c.Kind == kind).ToList();
            if (whole.Count > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\n### {kind}\n\n");
                foreach (var c in whole)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"- `{c.Subject}`{WholeDetail(c)}\n");
                }
            }
        }

        var changed = report.ChangedSubjects(section);
        if (changed.Count > 0)
        {
            sb.Append("\n### Changed\n");
            foreach (var subject in changed)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\n#### `{subject}`\n\n");
                foreach (var c in changes.Where(c => c.Subject == subject))
                {
                    sb.Append(CultureInfo.InvariantCulture, $"- {Label(c.Severity)} {Text(c)}\n");
                }
            }
        }
    }

    private static string WholeDetail(ApiChange c) => c.Area switch
    {
        ChangeArea.Operation => $" → `{c.Member}`: `{c.After ?? c.Before}`",
        ChangeArea.Model => $" (schema `{c.Wire}`, {c.After ?? c.Before})",
        _ => $": {c.After ?? c.Before} ({c.Wire})",
    };

    private static string Label(ChangeSeverity severity) => severity switch
    {
        ChangeSeverity.Breaking => "**breaking**",
        ChangeSeverity.Additive => "additive",
        _ => "doc",
    };

    /// <summary>One change as a sentence: <c>`Member` removed (was `long`) · query `market_id`</c>.</summary>
    private static string Text(ApiChange c)
    {
        var wire = c.Wire is null ? string.Empty : $" · {c.Wire}";
        return c.Kind switch
        {
            ChangeKind.Added when c.Aspect == EnumDiff.ValueAspect => $"`{c.Member}` gains value `{c.After}`{wire}",
            ChangeKind.Removed when c.Aspect == EnumDiff.ValueAspect => $"`{c.Member}` loses value `{c.Before}`{wire}",
            ChangeKind.Added => $"`{c.Member}` added{(c.Aspect is null ? string.Empty : $" ({c.Aspect})")}" +
                                $"{(c.After is null ? string.Empty : $": `{c.After}`")}{wire}",
            ChangeKind.Removed => $"`{c.Member}` removed{(c.Aspect is null ? string.Empty : $" ({c.Aspect})")}" +
                                  $"{(c.Before is null ? string.Empty : $" (was `{c.Before}`)")}{wire}",
            _ when c.Severity == ChangeSeverity.Description =>
                $"`{c.Member}` {c.Aspect} changed{wire}\n  - before: {c.Before ?? "*(none)*"}\n  - after: {c.After ?? "*(none)*"}",
            _ => $"`{c.Member}` {c.Aspect}: `{c.Before ?? "none"}` → `{c.After ?? "none"}`{wire}",
        };
    }
}
