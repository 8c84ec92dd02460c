using Microsoft.AspNetCore.Http;

namespace Lighter.Testing.Http;

/// <summary>
/// Keyset paging for the sandbox's cursor-paged routes: the <c>cursor</c> a page returns names its last item, and the
/// next request gets the items after that one. Items that join the list meanwhile (new trades, newly finished
/// orders) sort before the cursor, so a walk neither repeats nor skips an item. The last page returns an empty cursor.
/// </summary>
internal static class CursorPage
{
    /// <summary>One page of <paramref name="ordered"/> (already in the route's order) after the request's <c>cursor</c>.</summary>
    public static (List<T> Items, string NextCursor) Read<T>(HttpContext context, IEnumerable<T> ordered, Func<T, string> key, long limit)
    {
        var size = (int)Math.Clamp(limit, 0, int.MaxValue - 1); // one more is read to know whether a next page exists
        var cursor = context.Request.Query["cursor"].ToString();
        var rest = ordered;
        if (cursor.Length > 0)
        {
            var all = ordered.ToList();
            var at = all.FindIndex(item => key(item) == cursor);
            if (at < 0)
            {
                throw ExchangeException.InvalidParam("cursor");
            }

            rest = all.Skip(at + 1);
        }

        var window = rest.Take(size + 1).ToList();
        var more = window.Count > size;
        var page = more ? window[..size] : window;
        return (page, more && page.Count > 0 ? key(page[^1]) : string.Empty);
    }
}
