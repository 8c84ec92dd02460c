namespace Lighter.Generator.Diff;

/// <summary>
/// Compares the generated enums and their values (keyed by wire value). A new value is additive: generated enums
/// are tolerant (an unknown wire value reads as <c>Unrecognized</c>), so old clients keep working. A removed value,
/// a renamed member or a removed enum is breaking. Value changes are reported under the parameter or property the
/// enum belongs to (so <c>GET /api/v1/candles</c> shows its new resolutions); the enum itself is in the Enums
/// section only when added or removed.
/// </summary>
internal static class EnumDiff
{
    /// <summary>The aspect of an added or removed enum value (its Before/After is the C# member, e.g. <c>CandlesResolution.OneWeek</c>).</summary>
    public const string ValueAspect = "value";

    /// <summary>The aspect of a wire value whose C# member name changed.</summary>
    public const string ValueNameAspect = "value name";

    public static void Compare(ApiSurface before, ApiSurface after, List<ApiChange> changes)
    {
        foreach (var name in before.Enums.Keys.Union(after.Enums.Keys).Order(StringComparer.Ordinal))
        {
            var old = before.Enums.GetValueOrDefault(name);
            var now = after.Enums.GetValueOrDefault(name);
            if (old is null)
            {
                changes.Add(new ApiChange(ChangeSeverity.Additive, ChangeKind.Added, ChangeArea.Enum, name, name,
                    now!.Origin, After: Values(now)));
                continue;
            }

            if (now is null)
            {
                changes.Add(new ApiChange(ChangeSeverity.Breaking, ChangeKind.Removed, ChangeArea.Enum, name, name,
                    old.Origin, Before: Values(old)));
                continue;
            }

            var owner = after.FindEnumOwner(name) ?? new EnumOwner(ChangeArea.EnumValue, name, name);
            ApiChange Value(ChangeSeverity severity, ChangeKind kind, string wire, string aspect, string? before, string? after) =>
                new(severity, kind, owner.Area, owner.Subject, owner.Member, Quote(wire), aspect, before, after);
            foreach (var m in now.Members)
            {
                var o = old.Members.FirstOrDefault(x => x.Wire == m.Wire);
                if (o is null)
                {
                    changes.Add(Value(ChangeSeverity.Additive, ChangeKind.Added, m.Wire, ValueAspect, null, $"{name}.{m.Name}"));
                }
                else if (o.Name != m.Name)
                {
                    changes.Add(Value(ChangeSeverity.Breaking, ChangeKind.Changed, m.Wire, ValueNameAspect, $"{name}.{o.Name}",
                        $"{name}.{m.Name}"));
                }
            }

            foreach (var o in old.Members.Where(o => now.Members.All(m => m.Wire != o.Wire)))
            {
                changes.Add(Value(ChangeSeverity.Breaking, ChangeKind.Removed, o.Wire, ValueAspect, $"{name}.{o.Name}", null));
            }
        }
    }

    private static string Values(CSharp.CsEnum e) => string.Join(", ", e.Members.Select(m => Quote(m.Wire)));

    private static string Quote(string wire) => $"\"{wire}\"";
}
