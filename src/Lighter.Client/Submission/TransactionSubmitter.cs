using System.Net;
using Lighter.Client.Logging;
using Lighter.Client.Nonces;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lighter.Client.Submission;

/// <summary>
/// Nonce → sign → <c>sendTx</c> for one (account, API key), with the outcome of every nonce accounted for.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Accepted: the nonce is committed.</item>
/// <item>Refused before sequencing (4xx, a failure <c>code</c> on HTTP 200, signing failed, never sent): the nonce is
/// released and handed to the next caller, so no gap appears.</item>
/// <item>"Invalid nonce": the sequence is resynchronised from <c>nextNonce</c> and the transaction is signed again
/// with a fresh nonce, once.</item>
/// <item>No clear answer (5xx, timeout, broken connection): the transaction may have reached the sequencer, so it is
/// never blindly resent with a new nonce. It is looked up by hash; failing that, <c>nextNonce</c> tells whether its
/// nonce was consumed; only if neither shows it is the identical signed bytes (same nonce, so it cannot execute
/// twice) sent once more.</item>
/// </list>
/// </remarks>
public sealed class TransactionSubmitter
{
    /// <summary>The most transactions one <c>sendTxBatch</c> call carries.</summary>
    public const int MaxBatchSize = 50;

    private readonly HttpClient _http;
    private readonly INonceManager _nonces;
    private readonly ILogger _logger;
    private readonly NonceWindow _window;

    /// <summary>Creates the submitter.</summary>
    /// <param name="http">An HTTP client whose base address is the exchange and whose handlers are the Lighter pipeline.</param>
    /// <param name="nonces">The nonce sequence of the signing key.</param>
    /// <param name="logger">Optional logger.</param>
    /// <param name="nonceWindow">
    /// How far ahead of the lowest nonce in flight a transaction may be sent; the exchange's window is 16 (up to 15
    /// ahead, <see cref="LighterClientOptions.NonceWindow"/>). Senders beyond it wait instead of being refused.
    /// </param>
    public TransactionSubmitter(HttpClient http, INonceManager nonces, ILogger? logger = null, int nonceWindow = LighterClientOptions.DefaultNonceWindow)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _nonces = nonces ?? throw new ArgumentNullException(nameof(nonces));
        _logger = logger ?? NullLogger.Instance;
        _window = new NonceWindow(nonceWindow);
    }

    /// <summary>The nonce sequence used.</summary>
    public INonceManager Nonces => _nonces;

    /// <summary>Whether <c>price_protection</c> is sent (null: the server default, true).</summary>
    public bool? PriceProtection { get; init; }

    /// <summary>Leases a nonce, signs with it and submits.</summary>
    /// <param name="sign">Signs the transaction with the given nonce.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <exception cref="LighterApiException">The exchange refused the transaction, or its fate could not be established.</exception>
    public async Task<TxSubmission> SubmitAsync(Func<long, WireTransaction> sign, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sign);
        for (var attempt = 0; ; attempt++)
        {
            var lease = await _nonces.AcquireAsync(cancellationToken).ConfigureAwait(false);
            WireTransaction tx;
            try
            {
                await _window.EnterAsync(lease.Nonce, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                _nonces.Release(lease);
                throw;
            }

            try
            {
                tx = sign(lease.Nonce);
            }
            catch
            {
                _window.Exit(lease.Nonce);
                _nonces.Release(lease);
                throw;
            }

            try
            {
                var answer = await PostAsync("api/v1/sendTx", SendTxWire.Single(tx, PriceProtection), cancellationToken).ConfigureAwait(false);
                _nonces.Commit(lease);
                return new TxSubmission(tx.TxHash, tx.Nonce, answer.Predicted, answer.Quota, false);
            }
            catch (LighterApiException ex) when (ex.IsInvalidNonce)
            {
                await _nonces.ResyncAsync(lease, CancellationToken.None).ConfigureAwait(false);
                LighterLog.NonceResync(_logger, _nonces.AccountIndex, _nonces.ApiKeyIndex);
                if (attempt > 0) throw;
            }
            catch (LighterApiException ex) when (WasRefused(ex))
            {
                _nonces.Release(lease);
                throw;
            }
            catch (Exception ex) when (ex is LighterApiException or OperationCanceledException)
            {
                return await ResolveAsync(tx, lease, ex, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _window.Exit(lease.Nonce);
            }
        }
    }

    /// <summary>Submits signed transactions in <c>sendTxBatch</c> calls of at most <see cref="MaxBatchSize"/>, with consecutive nonces.</summary>
    /// <param name="signers">One signing function per transaction, called with its nonce.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The hashes in order.</returns>
    public async Task<IReadOnlyList<TxSubmission>> SubmitBatchAsync(IReadOnlyList<Func<long, WireTransaction>> signers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signers);
        var results = new List<TxSubmission>(signers.Count);
        for (var start = 0; start < signers.Count; start += MaxBatchSize)
        {
            var chunk = signers.Skip(start).Take(MaxBatchSize).ToList();
            results.AddRange(await SubmitChunkAsync(chunk, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    private async Task<IReadOnlyList<TxSubmission>> SubmitChunkAsync(List<Func<long, WireTransaction>> signers, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var leases = new List<NonceLease>(signers.Count);
            var txs = new List<WireTransaction>(signers.Count);
            try
            {
                foreach (var sign in signers)
                {
                    var lease = await _nonces.AcquireAsync(cancellationToken).ConfigureAwait(false);
                    leases.Add(lease);
                    txs.Add(sign(lease.Nonce));
                }
            }
            catch
            {
                ReleaseAll(leases);
                throw;
            }

            try
            {
                // The exchange checks a batch's first nonce against its window; the rest follow it.
                await _window.EnterAsync(leases[0].Nonce, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                ReleaseAll(leases);
                throw;
            }

            try
            {
                var answer = await PostAsync("api/v1/sendTxBatch", SendTxWire.Batch(txs), cancellationToken).ConfigureAwait(false);
                leases.ForEach(_nonces.Commit);
                return txs.Select(t => new TxSubmission(t.TxHash, t.Nonce, answer.Predicted, answer.Quota, false)).ToList();
            }
            catch (LighterApiException ex) when (ex.IsInvalidNonce && attempt == 0)
            {
                for (var i = leases.Count - 1; i > 0; i--) _nonces.Release(leases[i]);
                await _nonces.ResyncAsync(leases[0], CancellationToken.None).ConfigureAwait(false);
            }
            catch (LighterApiException ex) when (WasRefused(ex))
            {
                ReleaseAll(leases);
                throw;
            }
            catch
            {
                // A batch without a clear answer may have been executed: its nonces count as used.
                leases.ForEach(_nonces.Commit);
                LighterLog.AmbiguousSubmission(_logger, txs[0].TxType, txs[0].Nonce, "batch outcome unknown: " + SendTxWire.Describe(txs));
                throw;
            }
            finally
            {
                _window.Exit(leases[0].Nonce);
            }
        }
    }

    private void ReleaseAll(List<NonceLease> leases)
    {
        // Newest first, so each release can roll the counter back instead of queueing.
        for (var i = leases.Count - 1; i >= 0; i--) _nonces.Release(leases[i]);
    }

    private async Task<TxSubmission> ResolveAsync(WireTransaction tx, NonceLease lease, Exception fault, CancellationToken cancellationToken)
    {
        // From here on the nonce counts as used whatever happens: a wrong "used" costs at most one resync later,
        // a wrong "free" could hand the same nonce to a second transaction.
        _nonces.Commit(lease);
        if (fault is OperationCanceledException) throw fault;
        try
        {
            if (await IsKnownAsync(tx, cancellationToken).ConfigureAwait(false) || await NonceConsumedAsync(tx, cancellationToken).ConfigureAwait(false))
            {
                LighterLog.AmbiguousSubmission(_logger, tx.TxType, tx.Nonce, "accepted (found on the exchange)");
                return new TxSubmission(tx.TxHash, tx.Nonce, null, null, true);
            }

            // Not seen anywhere: resend the identical bytes. The same nonce cannot execute twice.
            var answer = await PostAsync("api/v1/sendTx", SendTxWire.Single(tx, PriceProtection), cancellationToken).ConfigureAwait(false);
            LighterLog.AmbiguousSubmission(_logger, tx.TxType, tx.Nonce, "accepted on resend of the same signed bytes");
            return new TxSubmission(tx.TxHash, tx.Nonce, answer.Predicted, answer.Quota, true);
        }
        catch (LighterApiException ex) when (ex.IsInvalidNonce)
        {
            // The first send landed between our look-up and the resend.
            LighterLog.AmbiguousSubmission(_logger, tx.TxType, tx.Nonce, "accepted (nonce consumed)");
            return new TxSubmission(tx.TxHash, tx.Nonce, null, null, true);
        }
        catch (Exception ex) when (ex is LighterApiException or HttpRequestException)
        {
            LighterLog.AmbiguousSubmission(_logger, tx.TxType, tx.Nonce, "unknown");
            throw fault;
        }
    }

    private async Task<bool> IsKnownAsync(WireTransaction tx, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync($"api/v1/tx?by=hash&value={Uri.EscapeDataString(tx.TxHash)}", cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (LighterApiException ex) when (!ex.IsTransient)
        {
            return false; // "not found"
        }
    }

    private async Task<bool> NonceConsumedAsync(WireTransaction tx, CancellationToken cancellationToken) =>
        await NextNonceReader.FetchAsync(_http, _nonces.AccountIndex, _nonces.ApiKeyIndex, cancellationToken).ConfigureAwait(false) > tx.Nonce;

    private async Task<(long? Predicted, long? Quota)> PostAsync(string path, HttpContent content, CancellationToken cancellationToken)
    {
        using (content)
        using (var response = await _http.PostAsync(path, content, cancellationToken).ConfigureAwait(false))
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return SendTxWire.ReadAnswer(body);
        }
    }

    private static bool WasRefused(LighterApiException ex) =>
        ex.StatusCode is { } status && (int)status is >= 400 and < 500 or (int)HttpStatusCode.OK;
}
