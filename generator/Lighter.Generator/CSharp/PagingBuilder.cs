namespace Lighter.Generator.CSharp;

/// <summary>
/// Finds the cursor-paged operations from the spec's own parameters. The rule: an operation is paged when it takes an
/// optional query parameter <c>cursor</c> and answers with an object that has exactly one array property (the items)
/// and a string property <c>next_cursor</c> or <c>cursor</c> (the cursor of the next page). An operation that takes a
/// cursor but breaks the rule is reported as a warning, so a spec change cannot drop a helper silently.
/// </summary>
internal static class PagingBuilder
{
    public const string CursorParameter = "cursor";

    /// <summary>The answer properties that carry the next page's cursor, in order of preference.</summary>
    private static readonly string[] NextCursorNames = ["next_cursor", "cursor"];

    private const string ListPrefix = "global::System.Collections.Generic.IReadOnlyList<";

    public static IReadOnlyList<CsPagedMethod> Build(IReadOnlyList<CsInterface> interfaces, IReadOnlyList<CsClass> classes, List<string> warnings)
    {
        var byType = classes.ToDictionary(c => TypeMapper.ModelsPrefix + c.Name, StringComparer.Ordinal);
        var paged = new List<CsPagedMethod>();
        foreach (var api in interfaces)
        {
            foreach (var method in api.Methods)
            {
                var cursor = method.Parameters.FirstOrDefault(p => p.Kind == ParameterKind.Query && p.WireName == CursorParameter);
                if (cursor is null)
                {
                    continue;
                }

                if (Describe(api, method, cursor, byType) is { } found)
                {
                    paged.Add(found);
                }
                else
                {
                    warnings.Add($"{method.Operation.OperationId}: takes a '{CursorParameter}' parameter but is not pageable " +
                                 $"(needs an optional string cursor and an answer with one array and a string " +
                                 $"{string.Join(" or ", NextCursorNames)}); no Enumerate helper is generated");
                }
            }
        }

        return paged;
    }

    private static CsPagedMethod? Describe(CsInterface api, CsMethod method, CsParameter cursor, Dictionary<string, CsClass> byType)
    {
        if (!cursor.Optional || cursor.Type != "string?" || method.ReturnType is null || !byType.TryGetValue(method.ReturnType, out var page))
        {
            return null;
        }

        var lists = page.Properties.Where(p => p.Type.StartsWith(ListPrefix, StringComparison.Ordinal)).ToList();
        var next = NextCursorNames.Select(n => page.Properties.FirstOrDefault(p => p.WireName == n && p.Type.TrimEnd('?') == "string"))
            .FirstOrDefault(p => p is not null);
        if (lists.Count != 1 || next is null)
        {
            return null;
        }

        var listType = lists[0].Type.TrimEnd('?');
        var itemType = listType[ListPrefix.Length..^1];
        return new CsPagedMethod(api, method, cursor, page, lists[0], itemType, next);
    }
}
