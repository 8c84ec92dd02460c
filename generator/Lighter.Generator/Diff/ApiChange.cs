namespace Lighter.Generator.Diff;

/// <summary>How a change affects code written against the old client.</summary>
internal enum ChangeSeverity
{
    /// <summary>Existing callers may stop compiling or get different data (see <c>spec/README.md</c> for the rules).</summary>
    Breaking,

    /// <summary>Something new or looser; existing callers keep working.</summary>
    Additive,

    /// <summary>Only documentation text changed (summary or description).</summary>
    Description,
}

/// <summary>What happened to the member.</summary>
internal enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>What kind of member changed. Each area belongs to one report section (<see cref="ChangeAreas.Section"/>).</summary>
internal enum ChangeArea
{
    Operation,
    Parameter,
    RequestBody,
    Response,
    Model,
    Property,
    Enum,
    EnumValue,
}

/// <summary>The three sections of a report.</summary>
internal enum ReportSection
{
    Operations,
    Models,
    Enums,
}

/// <summary>
/// One change, described by the C# member the generator emits for it. <paramref name="Subject"/> groups changes:
/// <c>GET /api/v1/candles</c> for an operation and its parameters, the class name for a model and its properties,
/// the enum name for an enum and its values. <paramref name="Aspect"/> says what changed when
/// <paramref name="Kind"/> is <see cref="ChangeKind.Changed"/> (<c>type</c>, <c>required</c>, <c>description</c>, ...)
/// and whether an added member is <c>required</c> or <c>optional</c>.
/// </summary>
internal sealed record ApiChange(
    ChangeSeverity Severity,
    ChangeKind Kind,
    ChangeArea Area,
    string Subject,
    string Member,
    string? Wire = null,
    string? Aspect = null,
    string? Before = null,
    string? After = null)
{
    /// <summary>True when a whole operation, model or enum was added or removed (not one of its members).</summary>
    public bool IsWhole => Area.IsWhole() && Kind != ChangeKind.Changed && Aspect is null;
}

/// <summary>Maps areas to report sections.</summary>
internal static class ChangeAreas
{
    public static ReportSection Section(this ChangeArea area) => area switch
    {
        ChangeArea.Model or ChangeArea.Property => ReportSection.Models,
        ChangeArea.Enum or ChangeArea.EnumValue => ReportSection.Enums,
        _ => ReportSection.Operations,
    };

    /// <summary>True for the areas that stand for a whole subject: an operation, a model, an enum.</summary>
    public static bool IsWhole(this ChangeArea area) => area is ChangeArea.Operation or ChangeArea.Model or ChangeArea.Enum;
}
