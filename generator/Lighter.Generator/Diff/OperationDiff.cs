using Lighter.Generator.CSharp;
using Lighter.Generator.OpenApi;

namespace Lighter.Generator.Diff;

/// <summary>
/// Compares operations (keyed by verb + path) and, for each generated method, its parameters, request body,
/// return type and auth. Rules: a removed operation, method or parameter, a changed type or return type, a new
/// required parameter, a parameter that becomes required, a rename and a newly required auth token are breaking;
/// everything else (new operations, new optional parameters, parameters that become optional, server defaults) is
/// additive; summary and description text is listed as a description change.
/// </summary>
internal static class OperationDiff
{
    public static void Compare(ApiSurface before, ApiSurface after, List<ApiChange> changes)
    {
        var keys = before.Operations.Keys.Union(after.Operations.Keys)
            .OrderBy(k => k[(k.IndexOf(' ', StringComparison.Ordinal) + 1)..], StringComparer.Ordinal)
            .ThenBy(k => k, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var old = before.Operations.GetValueOrDefault(key);
            var now = after.Operations.GetValueOrDefault(key);
            if (old is null)
            {
                changes.AddRange(now!.Select(m => Whole(ChangeSeverity.Additive, ChangeKind.Added, key, m, after: true)));
            }
            else if (now is null)
            {
                changes.AddRange(old.Select(m => Whole(ChangeSeverity.Breaking, ChangeKind.Removed, key, m, after: false)));
            }
            else
            {
                CompareOperation(key, old, now, changes);
            }
        }
    }

    private static ApiChange Whole(ChangeSeverity severity, ChangeKind kind, string key, SurfaceMethod m, bool after) =>
        new(severity, kind, ChangeArea.Operation, key, m.Member, Wire: m.Method.Operation.OperationId,
            Before: after ? null : CSharpText.Signature(m.Method), After: after ? CSharpText.Signature(m.Method) : null);

    private static void CompareOperation(string key, List<SurfaceMethod> old, List<SurfaceMethod> now, List<ApiChange> changes)
    {
        var (a, b) = (old[0].Method.Operation, now[0].Method.Operation);
        Text(changes, key, now[0].Member, "summary", a.Summary, b.Summary);
        Text(changes, key, now[0].Member, "description", a.Description, b.Description);
        // One more (or one less) body encoding: a method appears (or goes) while the operation stays.
        foreach (var m in now.Where(m => old.All(o => o.Method.Encoding != m.Method.Encoding)))
        {
            changes.Add(Whole(ChangeSeverity.Additive, ChangeKind.Added, key, m, after: true) with { Aspect = "body encoding" });
        }

        foreach (var m in old.Where(o => now.All(m => m.Method.Encoding != o.Method.Encoding)))
        {
            changes.Add(Whole(ChangeSeverity.Breaking, ChangeKind.Removed, key, m, after: false) with { Aspect = "body encoding" });
        }

        foreach (var m in now)
        {
            if (old.FirstOrDefault(o => o.Method.Encoding == m.Method.Encoding) is { } o)
            {
                CompareMethod(key, o, m, changes);
            }
        }

        CompareParameterTexts(key, now[0], a, b, changes);
    }

    private static void CompareMethod(string key, SurfaceMethod old, SurfaceMethod now, List<ApiChange> changes)
    {
        if (old.Member != now.Member)
        {
            changes.Add(new ApiChange(ChangeSeverity.Breaking, ChangeKind.Changed, ChangeArea.Operation, key, now.Member,
                Aspect: "name", Before: old.Member, After: now.Member));
        }

        var (oldReturn, newReturn) = (Return(old.Method), Return(now.Method));
        if (oldReturn != newReturn)
        {
            changes.Add(new ApiChange(ChangeSeverity.Breaking, ChangeKind.Changed, ChangeArea.Response, key, now.Member,
                Aspect: "return type", Before: oldReturn, After: newReturn));
        }

        if (old.Method.Auth != now.Method.Auth || old.Method.AuthLocation != now.Method.AuthLocation)
        {
            var stricter = now.Method.Auth == AuthRequirement.Required && old.Method.Auth != AuthRequirement.Required;
            changes.Add(new ApiChange(stricter ? ChangeSeverity.Breaking : ChangeSeverity.Additive, ChangeKind.Changed,
                ChangeArea.Operation, key, now.Member, Aspect: "auth", Before: Auth(old.Method), After: Auth(now.Method)));
        }

        ParameterDiff.Compare(key, old, now, changes);
    }

    private static void CompareParameterTexts(string key, SurfaceMethod now, ApiOperation a, ApiOperation b, List<ApiChange> changes)
    {
        foreach (var p in b.Parameters)
        {
            if (a.Parameters.FirstOrDefault(o => o.Name == p.Name && o.In == p.In) is { } o)
            {
                var csName = now.Method.Parameters.FirstOrDefault(c => c.WireName == p.Name)?.Name ?? p.Name;
                Text(changes, key, $"{now.Member}({csName})", "description", o.Description, p.Description,
                    ChangeArea.Parameter, $"{p.In} {p.Name}");
            }
        }
    }

    private static string Return(CsMethod m) => m.ReturnType is null ? "Task" : $"Task<{CSharpText.Type(m.ReturnType)}>";

    private static string Auth(CsMethod m) => m.Auth == AuthRequirement.None
        ? "none"
        : $"{m.Auth.ToString().ToLowerInvariant()} ({m.AuthLocation.ToString().ToLowerInvariant()} {m.AuthParameter})";

    /// <summary>Adds a description change when the folded texts differ.</summary>
    public static void Text(List<ApiChange> changes, string subject, string member, string aspect, string? before,
        string? after, ChangeArea area = ChangeArea.Operation, string? wire = null)
    {
        var (a, b) = (CSharpText.Fold(before), CSharpText.Fold(after));
        if (a != b)
        {
            changes.Add(new ApiChange(ChangeSeverity.Description, ChangeKind.Changed, area, subject, member, wire, aspect, a, b));
        }
    }
}
