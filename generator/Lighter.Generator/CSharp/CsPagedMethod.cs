namespace Lighter.Generator.CSharp;

/// <summary>
/// A cursor-paged operation: its Refit method, the <c>cursor</c> query parameter it takes, and the two properties of
/// its answer that carry the page's items and the next cursor.
/// </summary>
internal sealed record CsPagedMethod(
    CsInterface Api,
    CsMethod Method,
    CsParameter Cursor,
    CsClass Page,
    CsProperty Items,
    string ItemType,
    CsProperty NextCursor)
{
    /// <summary>The helper's name: <c>TradesAsync</c> → <c>EnumerateTradesAsync</c>.</summary>
    public string HelperName => "Enumerate" + Method.Name;
}
