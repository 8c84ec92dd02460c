using Lighter.Client.Submission;
using Lighter.Client.Trading;
using Lighter.Signing.Transactions;
using Microsoft.Extensions.Logging;

namespace Lighter.Client;

public sealed partial class LighterClient
{
    /// <summary>Auth tokens of the signer's key, attached to the operations that take one (null without a signer).</summary>
    internal Auth.AuthTokenCache? AuthTokens { get; private set; }

    /// <inheritdoc />
    public ILighterTransactionSigner? Signer { get; private set; }

    /// <summary>Attaches the signer that <see cref="SubmitAsync(LighterTransaction, long?, CancellationToken)"/> uses (only while the client is built).</summary>
    /// <exception cref="LighterConfigurationException">The signer's chain, account or key differs from the client's.</exception>
    internal LighterClient AttachSigner(ILighterTransactionSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        if (signer.ChainId.Value != (uint)Environment.ChainId)
        {
            throw new LighterConfigurationException($"The signer signs for chain {signer.ChainId} but the client targets {Environment}; a key for one environment cannot sign for another.");
        }

        if (Submitter is not { } submitter || submitter.Nonces.AccountIndex != signer.AccountIndex || submitter.Nonces.ApiKeyIndex != signer.ApiKeyIndex)
        {
            throw new LighterConfigurationException($"The signer is for account {signer.AccountIndex} key {signer.ApiKeyIndex}, which differs from the client's AccountIndex/ApiKeyIndex.");
        }

        Signer = signer;
        AuthTokens = new Auth.AuthTokenCache(signer.AccountIndex, signer.ApiKeyIndex, signer.CreateAuthToken, TimeProvider, Options.AuthTokenLifetime, Options.AuthTokenRenewBefore, LoggerFactory.CreateLogger<Auth.AuthTokenCache>());
        return this;
    }

    /// <summary>
    /// Signs any transaction type with the next nonce and submits it through <c>sendTx</c> (nonce resync and the
    /// ambiguous-answer rules of the submitter apply: see docs/submission.md).
    /// </summary>
    /// <param name="transaction">The transaction (all 20 types).</param>
    /// <param name="expiredAt">Unix ms; default now + 10 min − 1 s.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public Task<TxSubmission> SubmitAsync(LighterTransaction transaction, long? expiredAt = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var signer = RequireSigner();
        return RequireSubmitter().SubmitAsync(nonce => signer.Sign(transaction, nonce, expiredAt), cancellationToken);
    }

    /// <summary>Signs and submits several transactions through <c>sendTxBatch</c> (consecutive nonces, 50 per call).</summary>
    /// <exception cref="ArgumentException">An element is null (named by index, before any nonce is taken).</exception>
    public Task<IReadOnlyList<TxSubmission>> SubmitBatchAsync(IReadOnlyList<LighterTransaction> transactions, long? expiredAt = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        for (var i = 0; i < transactions.Count; i++)
        {
            if (transactions[i] is null)
            {
                throw new ArgumentException($"transactions[{i}] is null.", nameof(transactions));
            }
        }

        var signer = RequireSigner();
        var signers = transactions.Select(tx => (Func<long, WireTransaction>)(nonce => signer.Sign(tx, nonce, expiredAt))).ToList();
        return RequireSubmitter().SubmitBatchAsync(signers, cancellationToken);
    }

    /// <summary>
    /// Sign-only path: signs with the next nonce and returns the transaction for a caller who relays it (e.g. over
    /// the WebSocket). The nonce counts as used; if the relay fails, resynchronise with <c>Submitter.Nonces</c>.
    /// </summary>
    public async Task<WireTransaction> SignAsync(LighterTransaction transaction, long? expiredAt = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var signer = RequireSigner();
        var nonces = RequireSubmitter().Nonces;
        var lease = await nonces.AcquireAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var signed = signer.Sign(transaction, lease.Nonce, expiredAt);
            nonces.Commit(lease);
            return signed;
        }
        catch
        {
            nonces.Release(lease);
            throw;
        }
    }

    private ILighterTransactionSigner RequireSigner() =>
        Signer ?? throw new LighterConfigurationException("No signer is attached: configure a PrivateKey or pass a signer to LighterClient.Create.");
}
