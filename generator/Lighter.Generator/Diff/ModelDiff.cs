using Lighter.Generator.CSharp;
using Lighter.Generator.OpenApi;

namespace Lighter.Generator.Diff;

/// <summary>
/// Compares model classes and their properties (keyed by wire name). Direction matters: a class is a request model
/// when a request body reaches it and a response model when a response does (unreachable classes count as both).
/// Breaking: a removed class or property, a changed type or C# name, a new or newly required property of a request
/// model, a response model property that becomes optional. Additive: new classes, new properties of response-only
/// models, new optional properties, a request-only property that becomes optional, server defaults.
/// </summary>
internal static class ModelDiff
{
    public static void Compare(ApiSurface before, ApiSurface after, List<ApiChange> changes)
    {
        foreach (var name in before.Classes.Keys.Union(after.Classes.Keys).Order(StringComparer.Ordinal))
        {
            var old = before.Classes.GetValueOrDefault(name);
            var now = after.Classes.GetValueOrDefault(name);
            if (old is null)
            {
                changes.Add(new ApiChange(ChangeSeverity.Additive, ChangeKind.Added, ChangeArea.Model, name, name,
                    now!.Schema.Name, After: Shape(now)));
            }
            else if (now is null)
            {
                changes.Add(new ApiChange(ChangeSeverity.Breaking, ChangeKind.Removed, ChangeArea.Model, name, name,
                    old.Schema.Name, Before: Shape(old)));
            }
            else
            {
                var wire = now.Schema.Name;
                var inRequest = Direction(before, after, wire, requests: true);
                var inResponse = Direction(before, after, wire, requests: false);
                OperationDiff.Text(changes, name, name, "description", old.Schema.Description, now.Schema.Description,
                    ChangeArea.Model, wire);
                CompareProperties(name, old, now, inRequest, inResponse, changes);
            }
        }
    }

    private static bool Direction(ApiSurface before, ApiSurface after, string schema, bool requests)
    {
        bool Reached(ApiSurface s, bool r) => (r ? s.RequestSchemas : s.ResponseSchemas).Contains(schema);
        var anywhere = Reached(before, true) || Reached(before, false) || Reached(after, true) || Reached(after, false);
        return !anywhere || Reached(before, requests) || Reached(after, requests);
    }

    private static void CompareProperties(string name, CsClass old, CsClass now, bool inRequest, bool inResponse,
        List<ApiChange> changes)
    {
        var oldProperties = old.Properties.ToDictionary(p => p.WireName, StringComparer.Ordinal);
        var newProperties = now.Properties.ToDictionary(p => p.WireName, StringComparer.Ordinal);
        foreach (var p in now.Properties)
        {
            var member = $"{name}.{p.Name}";
            if (!oldProperties.TryGetValue(p.WireName, out var o))
            {
                var breaking = p.Required && inRequest;
                changes.Add(new ApiChange(breaking ? ChangeSeverity.Breaking : ChangeSeverity.Additive, ChangeKind.Added,
                    ChangeArea.Property, name, member, p.WireName, p.Required ? "required" : "optional",
                    After: CSharpText.Type(p.Type)));
                continue;
            }

            CompareProperty(name, member, (o, Wire(old, o)), (p, Wire(now, p)), inRequest, inResponse, changes);
        }

        foreach (var o in old.Properties.Where(o => !newProperties.ContainsKey(o.WireName)))
        {
            changes.Add(new ApiChange(ChangeSeverity.Breaking, ChangeKind.Removed, ChangeArea.Property, name,
                $"{name}.{o.Name}", o.WireName, Before: CSharpText.Type(o.Type)));
        }
    }

    private static void CompareProperty(string name, string member, (CsProperty Cs, ApiProperty? Wire) before,
        (CsProperty Cs, ApiProperty? Wire) after, bool inRequest, bool inResponse, List<ApiChange> changes)
    {
        var (o, p) = (before.Cs, after.Cs);
        void Add(ChangeSeverity severity, string aspect, string? before, string? after) =>
            changes.Add(new ApiChange(severity, ChangeKind.Changed, ChangeArea.Property, name, member, p.WireName, aspect,
                before, after));

        if (o.Name != p.Name)
        {
            Add(ChangeSeverity.Breaking, "name", $"{name}.{o.Name}", member);
        }

        var (oldType, newType) = (CSharpText.Type(CSharpText.NonNullable(o.Type)), CSharpText.Type(CSharpText.NonNullable(p.Type)));
        if (oldType != newType)
        {
            Add(ChangeSeverity.Breaking, "type", oldType, newType);
        }

        if (o.Required != p.Required)
        {
            // Required → optional hurts readers (responses); optional → required hurts writers (requests).
            var breaking = p.Required ? inRequest : inResponse;
            Add(breaking ? ChangeSeverity.Breaking : ChangeSeverity.Additive, "required", Required(o), Required(p));
        }

        var (oldDefault, newDefault) = (before.Wire?.Default, after.Wire?.Default);
        if (oldDefault != newDefault)
        {
            Add(ChangeSeverity.Additive, "server default", oldDefault, newDefault);
        }

        OperationDiff.Text(changes, name, member, "description", before.Wire?.Description, after.Wire?.Description, ChangeArea.Property, p.WireName);
    }

    private static string Required(CsProperty p) => p.Required ? "required" : "optional";

    private static string Shape(CsClass c) => $"{c.Properties.Count} properties";

    private static ApiProperty? Wire(CsClass c, CsProperty p) => c.Schema.Properties.FirstOrDefault(x => x.Name == p.WireName);
}
