using Lighter.Client.Diagnostics;
using Lighter.Client.Nonces;

namespace Lighter.Client.Submission;

/// <summary>What the exchange shows about a transaction whose send got no clear answer.</summary>
internal enum Evidence
{
    /// <summary>The exchange holds it (<see cref="Resolution.Verdict"/> says how that was seen).</summary>
    Held,

    /// <summary>Its nonce is used by something else; the transaction did not execute and never can.</summary>
    Consumed,

    /// <summary>Not found by hash, and its nonce is not used yet: it may be sent again.</summary>
    Free,

    /// <summary>The exchange could not be asked.</summary>
    Unknown,
}

/// <summary>The evidence, and for <see cref="Evidence.Held"/> how it was found.</summary>
internal readonly record struct Resolution(Evidence Evidence, TxVerdict Verdict = TxVerdict.FoundByHash);

/// <summary>
/// Asks the exchange whether it holds a transaction: first by hash (<c>GET tx</c>), then by nonce (<c>nextNonce</c>).
/// "Invalid nonce" alone is never taken as success.
/// </summary>
internal sealed class TxResolver(HttpClient http, INonceManager nonces)
{
    /// <summary>Nonces released after a send without a clear answer, with the hash of the transaction that had them.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, string> _releasedAfterFault = new();

    /// <param name="tx">The transaction.</param>
    /// <param name="mayHaveLanded">Whether any send of it may have been processed (else every send was answered).</param>
    /// <param name="trigger">Why the submitter asks (a <see cref="NonceTelemetry.Trigger"/> value), for the resync count.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<Resolution> ResolveAsync(WireTransaction tx, bool mayHaveLanded, string trigger, CancellationToken cancellationToken)
    {
        var byHash = await FindByHashAsync(tx, cancellationToken).ConfigureAwait(false);
        if (byHash == true) return new(Evidence.Held, TxVerdict.FoundByHash);
        long serverNext;
        try
        {
            // The built-in manager learns why it resyncs; another INonceManager is asked plainly.
            serverNext = await (nonces is NonceManager own
                ? own.RefreshAsync(trigger, cancellationToken)
                : nonces.RefreshAsync(cancellationToken)).ConfigureAwait(false);
        }
        catch (LighterApiException)
        {
            return new(Evidence.Unknown);
        }

        if (serverNext > tx.Nonce)
        {
            // The nonce is used. Ours only if one of our sends may have landed and no other transaction of ours had it.
            if (mayHaveLanded && !HeldByAnother(tx)) return new(Evidence.Held, TxVerdict.FoundByNonce);
            return new(byHash == false ? Evidence.Consumed : Evidence.Unknown);
        }

        // Below the exchange's next nonce nothing is used; above it, only a hash look-up can tell (out-of-order arrivals).
        return new(byHash == false ? Evidence.Free : Evidence.Unknown);
    }

    /// <summary>Remembers that <paramref name="tx"/>'s nonce goes back to the sequence after a send without a clear answer.</summary>
    public void NoteReleasedAfterFault(WireTransaction tx) => _releasedAfterFault[tx.Nonce] = tx.TxHash;

    /// <summary>The nonce of <paramref name="tx"/> is now used by it: forget earlier holders.</summary>
    public void NoteHeld(WireTransaction tx) => _releasedAfterFault.TryRemove(tx.Nonce, out _);

    private bool HeldByAnother(WireTransaction tx) =>
        _releasedAfterFault.TryGetValue(tx.Nonce, out var hash) && !string.Equals(hash, tx.TxHash, StringComparison.OrdinalIgnoreCase);

    /// <returns>true found, false a clear "not found", null when the exchange could not say.</returns>
    private async Task<bool?> FindByHashAsync(WireTransaction tx, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"api/v1/tx?by=hash&value={Uri.EscapeDataString(tx.TxHash)}");
            // A failed look-up is an "unknown" the submitter retries on its own schedule, not a pipeline backoff.
            request.Options.Set(Http.LighterResilience.CallerRetries, true);
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (LighterApiException ex)
        {
            return ex.Code == LighterErrorCodes.TxNotFound || ex.StatusCode == System.Net.HttpStatusCode.NotFound ? false : null;
        }
    }
}
