using Lighter.Generator.CSharp;

namespace Lighter.Generator.Diff;

/// <summary>
/// Compares the parameters of one generated method, keyed by where they travel and their wire name (the request
/// body is the parameter <c>request</c>; a multipart body is one parameter per form field). Request direction:
/// new or newly required parameters are breaking, new optional ones and ones that become optional are additive.
/// </summary>
internal static class ParameterDiff
{
    public static void Compare(string key, SurfaceMethod old, SurfaceMethod now, List<ApiChange> changes)
    {
        static (ParameterKind, string) Id(CsParameter p) => (p.Kind, p.WireName);
        var oldParameters = old.Method.Parameters.ToDictionary(Id);
        var newParameters = now.Method.Parameters.ToDictionary(Id);
        foreach (var p in now.Method.Parameters)
        {
            var member = $"{now.Member}({p.Name})";
            if (!oldParameters.TryGetValue(Id(p), out var o))
            {
                changes.Add(new ApiChange(p.Optional ? ChangeSeverity.Additive : ChangeSeverity.Breaking, ChangeKind.Added,
                    Area(p), key, member, Wire(p), p.Optional ? "optional" : "required", After: CSharpText.Type(p.Type)));
                continue;
            }

            Compare(key, member, o, p, old, now, changes);
        }

        foreach (var o in old.Method.Parameters.Where(o => !newParameters.ContainsKey(Id(o))))
        {
            changes.Add(new ApiChange(ChangeSeverity.Breaking, ChangeKind.Removed, Area(o), key, $"{now.Member}({o.Name})",
                Wire(o), Before: CSharpText.Type(o.Type)));
        }
    }

    private static void Compare(string key, string member, CsParameter o, CsParameter p, SurfaceMethod old,
        SurfaceMethod now, List<ApiChange> changes)
    {
        var (oldType, newType) = (CSharpText.Type(CSharpText.NonNullable(o.Type)), CSharpText.Type(CSharpText.NonNullable(p.Type)));
        if (oldType != newType)
        {
            changes.Add(new ApiChange(ChangeSeverity.Breaking, ChangeKind.Changed, Area(p), key, member, Wire(p), "type",
                oldType, newType));
        }

        if (o.Optional != p.Optional)
        {
            changes.Add(new ApiChange(p.Optional ? ChangeSeverity.Additive : ChangeSeverity.Breaking, ChangeKind.Changed,
                Area(p), key, member, Wire(p), "required", Required(o), Required(p)));
        }

        if (o.Name != p.Name)
        {
            // Same wire parameter, new C# name: callers using named arguments break.
            changes.Add(new ApiChange(ChangeSeverity.Breaking, ChangeKind.Changed, Area(p), key, member, Wire(p), "name",
                o.Name, p.Name));
        }

        var (oldDefault, newDefault) = (Default(old, o), Default(now, p));
        if (oldDefault != newDefault)
        {
            changes.Add(new ApiChange(ChangeSeverity.Additive, ChangeKind.Changed, Area(p), key, member, Wire(p),
                "server default", oldDefault, newDefault));
        }
    }

    private static ChangeArea Area(CsParameter p) => p.Kind == ParameterKind.Body ? ChangeArea.RequestBody : ChangeArea.Parameter;

    private static string Wire(CsParameter p) => p.Kind switch
    {
        ParameterKind.Body => "body",
        ParameterKind.FormField => $"form {p.WireName}",
        _ => $"{p.Kind.ToString().ToLowerInvariant()} {p.WireName}",
    };

    private static string Required(CsParameter p) => p.Optional ? "optional" : "required";

    private static string? Default(SurfaceMethod m, CsParameter p) =>
        m.Method.Operation.Parameters.FirstOrDefault(a => a.Name == p.WireName && Matches(a.In, p.Kind))?.Default;

    private static bool Matches(string location, ParameterKind kind) => kind switch
    {
        ParameterKind.Path => location == "path",
        ParameterKind.Query => location == "query",
        ParameterKind.Header => location == "header",
        _ => false,
    };
}
