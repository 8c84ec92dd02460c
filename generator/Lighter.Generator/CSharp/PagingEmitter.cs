namespace Lighter.Generator.CSharp;

/// <summary>
/// Prints one <c>IAsyncEnumerable</c> extension per cursor-paged operation (see <see cref="PagingBuilder"/>): the
/// operation's own parameters minus <c>cursor</c>, walking the pages through the runtime's <c>CursorPager</c>.
/// </summary>
internal static class PagingEmitter
{
    public const string ClassName = "LighterPagingExtensions";

    public static string Extensions(IReadOnlyList<CsPagedMethod> paged)
    {
        var w = new CodeWriter().Line($"namespace {ApiEmitter.Namespace};").Line();
        w.Line("/// <summary>");
        w.Line("/// The cursor-paged operations as async sequences of their items, generated from the spec: an operation with an");
        w.Line("/// optional <c>cursor</c> query parameter whose answer holds one array and a <c>next_cursor</c> (or <c>cursor</c>).");
        w.Line("/// </summary>");
        w.Open($"public static partial class {ClassName}");
        for (var i = 0; i < paged.Count; i++)
        {
            if (i > 0)
            {
                w.Line();
            }

            Helper(w, paged[i]);
        }

        return w.Close().ToString();
    }

    private static void Helper(CodeWriter w, CsPagedMethod p)
    {
        var m = p.Method;
        var parameters = m.Parameters.Where(x => x != p.Cursor).ToList();
        var self = parameters.Any(x => x.Name == "api") ? "group" : "api";
        w.Line($"/// <summary>Every item of <see cref=\"{p.Api.Name}.{m.Name}\"/>, page after page (operation " +
               $"<c>{Naming.XmlDoc(m.Operation.OperationId)}</c>: items from <c>{Naming.XmlDoc(p.Items.WireName)}</c>, " +
               $"the next page's cursor from <c>{Naming.XmlDoc(p.NextCursor.WireName)}</c>).</summary>");
        w.Line("/// <remarks>Each page is one request through the client's pipeline (auth, rate limits, retries), sent when the " +
               "caller reads past the previous page. The sequence ends at an answer without a cursor or without items; a " +
               "cursor the server returns twice ends it with a <see cref=\"global::Lighter.Client.LighterApiException\"/> " +
               "rather than repeating pages.</remarks>");
        w.Line($"/// <param name=\"{self}\">The operation's group, e.g. <c>client.{SdkEmitter.PropertyName(p.Api)}</c>.</param>");
        foreach (var x in parameters)
        {
            // The helper sends the same arguments with every page, so a limit is the page size, not a total.
            w.Line(x.WireName == "limit" && x.Kind == ParameterKind.Query
                ? ApiEmitter.ParameterDoc(x with { Doc = $"Items per page (sent with every page). {x.Doc}".Trim() })
                : ApiEmitter.ParameterDoc(x));
        }

        w.Line("/// <param name=\"cancellationToken\">Cancels the enumeration (a token given to <c>WithCancellation</c> is honoured too).</param>");
        w.Line("/// <returns>The items of every page, in the server's order.</returns>");
        w.Line($"public static global::System.Collections.Generic.IAsyncEnumerable<{p.ItemType}> {p.HelperName}(");
        w.Line($"    this {p.Api.Name} {self},");
        foreach (var x in parameters)
        {
            w.Line($"    {x.Type} {x.Name}{(x.Optional ? " = null" : string.Empty)},");
        }

        w.Open("    global::System.Threading.CancellationToken cancellationToken = default)");
        w.Line($"global::System.ArgumentNullException.ThrowIfNull({self});");
        var arguments = m.Parameters.Select(x => $"{x.Name}: {(x == p.Cursor ? "_cursor" : x.Name)}")
            .Append("cancellationToken: _cancellationToken");
        w.Line($"return CursorPager.EnumerateAsync<{TypeMapper.ModelsPrefix}{p.Page.Name}, {p.ItemType}>(");
        w.Line($"    {Naming.Literal(m.Operation.OperationId)},");
        w.Line($"    (_cursor, _cancellationToken) => {self}.{m.Name}({string.Join(", ", arguments)}),");
        w.Line($"    static page => page.{p.Items.Name},");
        w.Line($"    static page => page.{p.NextCursor.Name},");
        w.Line("    cancellationToken);");
        w.Close();
    }
}
