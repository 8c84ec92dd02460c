namespace Lighter.Client.Nonces;

/// <summary>
/// Hands out the nonces of one (account, API key) pair. Every lease must end in exactly one of
/// <see cref="Commit"/> (the exchange holds a transaction with that nonce, or may) or <see cref="Release"/> (it
/// certainly does not), so nonces stay distinct and gap-free however many callers sign at once.
/// </summary>
public interface INonceManager
{
    /// <summary>The account whose nonces these are.</summary>
    long AccountIndex { get; }

    /// <summary>The API key whose nonce sequence this is.</summary>
    int ApiKeyIndex { get; }

    /// <summary>
    /// Leases the next nonce: a released one first (so no hole is left), else a fresh one once it is inside the
    /// exchange's out-of-order window; waits while it is not. The first call fetches <c>nextNonce</c> from the server.
    /// </summary>
    ValueTask<NonceLease> AcquireAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Leases <paramref name="count"/> nonces for a batch, in ascending order: released ones first, then a run of
    /// fresh consecutive ones whose first is inside the window. Callers send each consecutive run as one batch.
    /// While the window is full only released nonces are returned, so the result may hold fewer than
    /// <paramref name="count"/> (never none): send them and ask again for the rest.
    /// </summary>
    ValueTask<IReadOnlyList<NonceLease>> AcquireBatchAsync(int count, CancellationToken cancellationToken = default);

    /// <summary>The exchange holds the transaction carrying the nonce (or may): the nonce is used up.</summary>
    void Commit(NonceLease lease);

    /// <summary>The exchange shows the nonce unused and no request carrying it is outstanding: it is handed out again.</summary>
    void Release(NonceLease lease);

    /// <summary>
    /// The server answered "invalid nonce" for <paramref name="rejected"/> before anything with it could have
    /// executed: ends the lease as released and reconciles the sequence with <c>nextNonce</c>.
    /// </summary>
    Task ResyncAsync(NonceLease rejected, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the exchange's <c>nextNonce</c> (concurrent callers share one fetch), moves the local window forward to
    /// it, and reports and repairs a stall (the exchange waiting for a nonce the client counted as used).
    /// </summary>
    /// <returns>The exchange's next nonce.</returns>
    Task<long> RefreshAsync(CancellationToken cancellationToken = default);
}

/// <summary>A nonce handed out by an <see cref="INonceManager"/>, to be committed or released exactly once.</summary>
/// <param name="Nonce">The nonce to sign the transaction with.</param>
public readonly record struct NonceLease(long Nonce);

/// <summary>Raised when the exchange's <c>nextNonce</c> stays below nonces the client counted as used.</summary>
/// <param name="ServerNextNonce">The nonce the exchange waits for.</param>
/// <param name="ClientNextNonce">The lowest nonce the client had not yet seen accepted.</param>
/// <param name="Repaired">True when the missing nonce was handed out again to the next transaction.</param>
public sealed record NonceGap(long ServerNextNonce, long ClientNextNonce, bool Repaired);
