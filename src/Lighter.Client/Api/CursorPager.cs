using System.Net;
using System.Runtime.CompilerServices;

namespace Lighter.Client.Api;

/// <summary>
/// Walks a cursor-paged operation for the generated <c>EnumerateXxxAsync</c> helpers: the first request has no
/// cursor, each next one sends the cursor the previous answer returned. The sequence ends when an answer has no
/// cursor (absent or empty) or no items; a cursor the server already returned would repeat pages for ever, so it
/// ends the sequence with a <see cref="LighterApiException"/> instead. Pages are fetched lazily, one at a time, as
/// the caller reads on; a failed page surfaces from the enumerator with the pipeline's own exception.
/// </summary>
internal static class CursorPager
{
    public static async IAsyncEnumerable<TItem> EnumerateAsync<TPage, TItem>(
        string operationId,
        Func<string?, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, IReadOnlyList<TItem>?> itemsOf,
        Func<TPage, string?> nextCursorOf,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await fetchPage(cursor, cancellationToken).ConfigureAwait(false);
            var items = itemsOf(page) ?? [];
            foreach (var item in items)
            {
                yield return item;
            }

            var next = nextCursorOf(page);
            if (string.IsNullOrEmpty(next) || items.Count == 0)
            {
                yield break;
            }

            if (!seen.Add(next))
            {
                throw new LighterApiException(operationId, HttpStatusCode.OK, code: null,
                    $"the server returned cursor '{next}' a second time; reading on would repeat pages for ever", isTransient: false);
            }

            cursor = next;
        }
    }
}
