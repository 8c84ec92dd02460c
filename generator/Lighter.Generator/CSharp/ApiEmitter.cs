namespace Lighter.Generator.CSharp;

/// <summary>Prints the Refit interfaces into <c>Lighter.Client.Api</c> and the operation catalog the auth handler reads.</summary>
internal static class ApiEmitter
{
    public const string Namespace = "Lighter.Client.Api";
    private const string Refit = "global::Refit";

    public static string Interface(CsInterface api)
    {
        var w = new CodeWriter().Line($"namespace {Namespace};").Line();
        w.Line($"/// <summary>Operations tagged <c>{Naming.XmlDoc(api.Tag)}</c>.</summary>");
        w.Open($"public partial interface {api.Name}");
        for (var i = 0; i < api.Methods.Count; i++)
        {
            if (i > 0)
            {
                w.Line();
            }

            Method(w, api.Methods[i]);
        }

        return w.Close().ToString();
    }

    private static void Method(CodeWriter w, CsMethod m)
    {
        var op = m.Operation;
        var summary = Naming.XmlDoc(op.Description) is { Length: > 0 } d ? d : Naming.XmlDoc(op.Summary ?? op.OperationId);
        w.Line($"/// <summary>{summary}</summary>");
        var auth = m.Auth == AuthRequirement.None
            ? "none"
            : $"{m.Auth.ToString().ToLowerInvariant()}, {m.AuthLocation.ToString().ToLowerInvariant()} <c>{m.AuthParameter}</c>";
        w.Line($"/// <remarks>Operation <c>{Naming.XmlDoc(op.OperationId)}</c>: <c>{op.Method} {Naming.XmlDoc(op.Path)}</c>" +
               $"{EncodingNote(m.Encoding)}. Auth: {auth}.</remarks>");
        foreach (var p in m.Parameters)
        {
            w.Line(ParameterDoc(p));
        }

        w.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        w.Line(m.ReturnType is null
            ? "/// <returns>A task that completes when the server has answered.</returns>"
            : $"/// <returns>The decoded <c>200</c> response body.</returns>");
        if (m.Encoding == BodyEncoding.Multipart)
        {
            w.Line($"[{Refit}.Multipart]");
        }

        w.Line($"[{Refit}.{Verb(op.Method)}({Naming.Literal(op.Path)})]");
        var returnType = m.ReturnType is null
            ? "global::System.Threading.Tasks.Task"
            : $"global::System.Threading.Tasks.Task<{m.ReturnType}>";
        w.Line($"{returnType} {m.Name}(");
        foreach (var p in m.Parameters)
        {
            var defaultValue = p.Optional ? " = null" : string.Empty;
            w.Line($"    {Attribute(p, m.Encoding)} {p.Type} {p.Name}{defaultValue},");
        }

        w.Line("    global::System.Threading.CancellationToken cancellationToken = default);");
    }

    /// <summary>The <c>&lt;param&gt;</c> line of a parameter: its spec description, or its wire name.</summary>
    public static string ParameterDoc(CsParameter p)
    {
        var doc = string.IsNullOrEmpty(p.Doc) ? $"Wire parameter <c>{Naming.XmlDoc(p.WireName)}</c>." : p.Doc;
        return $"/// <param name=\"{p.Name.TrimStart('@')}\">{doc}</param>";
    }

    private static string EncodingNote(BodyEncoding encoding) => encoding switch
    {
        BodyEncoding.UrlEncoded => ", body <c>application/x-www-form-urlencoded</c>",
        BodyEncoding.Multipart => ", body <c>multipart/form-data</c>",
        BodyEncoding.Json => ", body <c>application/json</c>",
        _ => string.Empty,
    };

    private static string Verb(string method) => method[0] + method[1..].ToLowerInvariant();

    private static string Attribute(CsParameter p, BodyEncoding encoding) => p.Kind switch
    {
        ParameterKind.Path => $"[{Refit}.AliasAs({Naming.Literal(p.WireName)})]",
        ParameterKind.Header => $"[{Refit}.Header({Naming.Literal(p.WireName)})]",
        ParameterKind.Body when encoding == BodyEncoding.UrlEncoded => $"[{Refit}.Body({Refit}.BodySerializationMethod.UrlEncoded)]",
        ParameterKind.Body => $"[{Refit}.Body({Refit}.BodySerializationMethod.Serialized)]",
        ParameterKind.FormField => $"[{Refit}.AliasAs({Naming.Literal(p.WireName)})]",
        _ when p.IsCollection => $"[{Refit}.Query({Refit}.CollectionFormat.Multi), {Refit}.AliasAs({Naming.Literal(p.WireName)})]",
        _ when p.Type.StartsWith("global::System.Collections.Generic.IEnumerable<", StringComparison.Ordinal) =>
            $"[{Refit}.Query({Refit}.CollectionFormat.Csv), {Refit}.AliasAs({Naming.Literal(p.WireName)})]",
        _ => $"[{Refit}.Query, {Refit}.AliasAs({Naming.Literal(p.WireName)})]",
    };

    public static string Catalog(IReadOnlyList<CsInterface> interfaces)
    {
        var w = new CodeWriter().Line($"namespace {Namespace};").Line();
        w.Line("/// <summary>Every generated operation, with the auth requirement the overlay assigns to it.</summary>");
        w.Open("public static partial class LighterOperations");
        w.Line("/// <summary>One entry per generated method, sorted by route (an operation with two body encodings has two).</summary>");
        w.Line("public static global::System.Collections.Generic.IReadOnlyList<LighterOperation> All { get; } =");
        w.Line("[");
        foreach (var (api, m) in interfaces.SelectMany(i => i.Methods.Select(m => (i, m)))
                     .OrderBy(x => x.m.Operation.Path, StringComparer.Ordinal).ThenBy(x => x.m.Name, StringComparer.Ordinal))
        {
            var authParameter = m.AuthParameter is null ? "null" : Naming.Literal(m.AuthParameter);
            var contentType = m.Encoding switch
            {
                BodyEncoding.UrlEncoded => "\"application/x-www-form-urlencoded\"",
                BodyEncoding.Multipart => "\"multipart/form-data\"",
                BodyEncoding.Json => "\"application/json\"",
                _ => "null",
            };
            w.Line($"    new({Naming.Literal(m.Operation.OperationId)}, {Naming.Literal(m.Operation.Method)}, " +
                   $"{Naming.Literal(m.Operation.Path)}, typeof({api.Name}), {Naming.Literal(m.Name)}, " +
                   $"LighterAuthRequirement.{m.Auth}, LighterAuthLocation.{m.AuthLocation}, {authParameter}, {contentType}),");
        }

        w.Line("];");
        return w.Close().ToString();
    }
}
