using Lighter.Generator.OpenApi;

namespace Lighter.Generator.Diff;

/// <summary>Compares two API documents at the wire level: operations (by verb + path), parameters, schemas, properties.</summary>
internal static class ApiDiff
{
    public static DiffReport Compare(ApiDocument before, ApiDocument after)
    {
        static string Key(ApiOperation o) => $"{o.Method} {o.Path}";
        var oldOps = before.Operations.ToDictionary(Key);
        var newOps = after.Operations.ToDictionary(Key);
        var oldSchemas = before.Schemas.ToDictionary(s => s.Name);
        var newSchemas = after.Schemas.ToDictionary(s => s.Name);

        var changedOps = new List<DiffEntry>();
        foreach (var (key, op) in newOps.Where(o => oldOps.ContainsKey(o.Key)))
        {
            var lines = CompareOperation(oldOps[key], op);
            if (lines.Count > 0)
            {
                changedOps.Add(new DiffEntry($"{key}  ({op.OperationId})", lines));
            }
        }

        var changedSchemas = new List<DiffEntry>();
        foreach (var (name, schema) in newSchemas.Where(s => oldSchemas.ContainsKey(s.Key)))
        {
            var lines = CompareProperties(oldSchemas[name].Properties, schema.Properties);
            if (lines.Count > 0)
            {
                changedSchemas.Add(new DiffEntry(name, lines));
            }
        }

        return new DiffReport(
            before.Operations.Count,
            after.Operations.Count,
            before.Schemas.Count,
            after.Schemas.Count,
            newOps.Where(o => !oldOps.ContainsKey(o.Key)).Select(o => $"{o.Key}  ({o.Value.OperationId}, tag {o.Value.Tag})").ToList(),
            oldOps.Where(o => !newOps.ContainsKey(o.Key)).Select(o => $"{o.Key}  ({o.Value.OperationId}, tag {o.Value.Tag})").ToList(),
            changedOps,
            newSchemas.Keys.Where(n => !oldSchemas.ContainsKey(n)).Select(n => $"{n} ({newSchemas[n].Properties.Count} properties)").ToList(),
            oldSchemas.Keys.Where(n => !newSchemas.ContainsKey(n)).ToList(),
            changedSchemas);
    }

    private static List<string> CompareOperation(ApiOperation a, ApiOperation b)
    {
        var lines = new List<string>();
        Change(lines, "operationId", a.OperationId, b.OperationId);
        Change(lines, "tag", a.Tag, b.Tag);
        static string Id(ApiParameter p) => $"{p.Name}@{p.In}";
        var oldParams = a.Parameters.ToDictionary(Id);
        var newParams = b.Parameters.ToDictionary(Id);
        foreach (var p in b.Parameters.Where(p => !oldParams.ContainsKey(Id(p))))
        {
            lines.Add($"+ parameter {p.Name} ({p.In}, {p.Type.Describe()}, {(p.Required ? "required" : "optional")})");
        }

        foreach (var p in a.Parameters.Where(p => !newParams.ContainsKey(Id(p))))
        {
            lines.Add($"- parameter {p.Name} ({p.In}, {p.Type.Describe()}, {(p.Required ? "required" : "optional")})");
        }

        foreach (var p in b.Parameters.Where(p => oldParams.ContainsKey(Id(p))))
        {
            var o = oldParams[Id(p)];
            var details = Details(o.Type, p.Type, o.Required, p.Required, o.Default, p.Default);
            if (details.Count > 0)
            {
                lines.Add($"~ parameter {p.Name} ({p.In}): {string.Join("; ", details)}");
            }
        }

        Change(lines, "request body", Body(a.Body), Body(b.Body));
        Change(lines, "response", a.Response?.Describe() ?? "(none)", b.Response?.Describe() ?? "(none)");
        if (a.Description != b.Description || a.Summary != b.Summary)
        {
            lines.Add("~ description changed");
        }

        return lines;
    }

    private static List<string> CompareProperties(IReadOnlyList<ApiProperty> before, IReadOnlyList<ApiProperty> after)
    {
        var lines = new List<string>();
        var oldProps = before.ToDictionary(p => p.Name);
        var newProps = after.ToDictionary(p => p.Name);
        lines.AddRange(after.Where(p => !oldProps.ContainsKey(p.Name))
            .Select(p => $"+ property {p.Name} ({p.Type.Describe()}{(p.Required ? ", required" : string.Empty)})"));
        lines.AddRange(before.Where(p => !newProps.ContainsKey(p.Name)).Select(p => $"- property {p.Name}"));
        foreach (var p in after.Where(p => oldProps.ContainsKey(p.Name)))
        {
            var o = oldProps[p.Name];
            var details = Details(o.Type, p.Type, o.Required, p.Required, o.Default, p.Default);
            if (details.Count > 0)
            {
                lines.Add($"~ property {p.Name}: {string.Join("; ", details)}");
            }
        }

        return lines;
    }

    private static List<string> Details(ApiType a, ApiType b, bool wasRequired, bool isRequired, string? oldDefault, string? newDefault)
    {
        var details = new List<string>();
        if (a.Describe() != b.Describe())
        {
            details.Add($"type {a.Describe()} -> {b.Describe()}");
        }

        if (wasRequired != isRequired)
        {
            details.Add(isRequired ? "now required" : "no longer required");
        }

        var oldEnum = Enum(a);
        var newEnum = Enum(b);
        var added = newEnum.Except(oldEnum).ToList();
        var removed = oldEnum.Except(newEnum).ToList();
        if (added.Count + removed.Count > 0)
        {
            details.Add("enum " + string.Join(" ", added.Select(v => "+" + v).Concat(removed.Select(v => "-" + v))));
        }

        if (oldDefault != newDefault)
        {
            details.Add($"default {oldDefault ?? "(none)"} -> {newDefault ?? "(none)"}");
        }

        return details;
    }

    private static IReadOnlyList<string> Enum(ApiType type) => type.Enum ?? type.Items?.Enum ?? [];

    private static string Body(ApiRequestBody? body) =>
        body is null ? "(none)" : $"{body.Type.Describe()} ({string.Join(", ", body.ContentTypes)})";

    private static void Change(List<string> lines, string what, string before, string after)
    {
        if (before != after)
        {
            lines.Add($"~ {what}: {before} -> {after}");
        }
    }
}
