using Lighter.Generator.CSharp;
using Lighter.Generator.OpenApi;

namespace Lighter.Generator.Diff;

/// <summary>
/// One document as the generator sees it: read with <see cref="OpenApiReader"/> through the overlay and mapped by
/// <see cref="OpenApiEmitter.Build"/>, so names and types are the ones in the generated client. Also records which
/// schemas travel in requests and which in responses (the rules for "required" depend on the direction).
/// </summary>
internal sealed class ApiSurface
{
    private ApiSurface(CsApi api)
    {
        foreach (var i in api.Interfaces)
        {
            foreach (var m in i.Methods)
            {
                var key = OperationKey(m.Operation);
                if (!Operations.TryGetValue(key, out var list))
                {
                    Operations[key] = list = [];
                }

                list.Add(new SurfaceMethod(i.Name, m));
            }
        }

        foreach (var c in api.Classes)
        {
            Classes[c.Name] = c;
        }

        foreach (var e in api.Enums)
        {
            Enums[e.Name] = e;
        }

        var methods = api.Interfaces.SelectMany(i => i.Methods).ToList();
        RequestSchemas = Reachable(methods.Select(m => m.Operation.Body?.Type));
        ResponseSchemas = Reachable(methods.Select(m => m.Operation.Response));
    }

    /// <summary>"GET /api/v1/candles" → its methods (several when the body has several encodings).</summary>
    public Dictionary<string, List<SurfaceMethod>> Operations { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, CsClass> Classes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, CsEnum> Enums { get; } = new(StringComparer.Ordinal);

    /// <summary>Wire schema names reachable from a request body.</summary>
    public HashSet<string> RequestSchemas { get; }

    /// <summary>Wire schema names reachable from a response.</summary>
    public HashSet<string> ResponseSchemas { get; }

    public static ApiSurface Load(string specPath, string? overlayPath) => new(OpenApiEmitter.Build(specPath, overlayPath));

    public static string OperationKey(ApiOperation op) => $"{op.Method} {op.Path}";

    /// <summary>
    /// The parameter or property whose type is the enum (each generated enum is inline, so it has one owner; a
    /// response type or one the search cannot find yields null).
    /// </summary>
    public EnumOwner? FindEnumOwner(string enumName)
    {
        bool Uses(string csType) => System.Text.RegularExpressions.Regex.IsMatch(csType,
            System.Text.RegularExpressions.Regex.Escape(TypeMapper.ModelsPrefix + enumName) + @"(?![A-Za-z0-9_])");
        foreach (var (key, methods) in Operations)
        {
            foreach (var m in methods)
            {
                if (m.Method.Parameters.FirstOrDefault(p => Uses(p.Type)) is { } p)
                {
                    var area = p.Kind == ParameterKind.Body ? ChangeArea.RequestBody : ChangeArea.Parameter;
                    return new EnumOwner(area, key, $"{m.Member}({p.Name})");
                }
            }
        }

        foreach (var c in Classes.Values)
        {
            if (c.Properties.FirstOrDefault(p => Uses(p.Type)) is { } p)
            {
                return new EnumOwner(ChangeArea.Property, c.Name, $"{c.Name}.{p.Name}");
            }
        }

        return null;
    }

    private HashSet<string> Reachable(IEnumerable<ApiType?> roots)
    {
        var schemas = Classes.Values.ToDictionary(c => c.Schema.Name, c => c.Schema, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<ApiType>(roots.OfType<ApiType>());
        while (stack.TryPop(out var type))
        {
            if (type.Items is not null)
            {
                stack.Push(type.Items);
            }

            if (type.RefName is not null && seen.Add(type.RefName) && schemas.TryGetValue(type.RefName, out var schema))
            {
                foreach (var p in schema.Properties)
                {
                    stack.Push(p.Type);
                }
            }
        }

        return seen;
    }
}

/// <summary>A generated method and the interface that declares it.</summary>
internal sealed record SurfaceMethod(string Interface, CsMethod Method)
{
    public string Member => $"{Interface}.{Method.Name}";
}

/// <summary>Where an enum is used: the parameter or property it was generated for.</summary>
internal sealed record EnumOwner(ChangeArea Area, string Subject, string Member);
