namespace Lighter.Client.Nonces;

/// <summary>
/// Hands out the nonces of one (account, API key) pair. Every lease must end in exactly one of
/// <see cref="Commit"/> (the server took the transaction) or <see cref="Release"/> (it certainly did not),
/// so nonces stay distinct and gap-free however many callers sign at once.
/// </summary>
public interface INonceManager
{
    /// <summary>The account whose nonces these are.</summary>
    long AccountIndex { get; }

    /// <summary>The API key whose nonce sequence this is.</summary>
    int ApiKeyIndex { get; }

    /// <summary>Leases the next nonce; the first call fetches <c>nextNonce</c> from the server.</summary>
    ValueTask<NonceLease> AcquireAsync(CancellationToken cancellationToken = default);

    /// <summary>The transaction carrying the nonce was accepted (or may have been): the nonce is used up.</summary>
    void Commit(NonceLease lease);

    /// <summary>The transaction never reached the sequencer (not sent, or refused before sequencing): the nonce is handed out again.</summary>
    void Release(NonceLease lease);

    /// <summary>
    /// The server answered "invalid nonce" for <paramref name="rejected"/>: re-reads <c>nextNonce</c>, moves the
    /// local sequence to it and ends the lease. Concurrent calls share one fetch.
    /// </summary>
    Task ResyncAsync(NonceLease rejected, CancellationToken cancellationToken = default);
}

/// <summary>A nonce handed out by an <see cref="INonceManager"/>, to be committed or released exactly once.</summary>
/// <param name="Nonce">The nonce to sign the transaction with.</param>
public readonly record struct NonceLease(long Nonce);
