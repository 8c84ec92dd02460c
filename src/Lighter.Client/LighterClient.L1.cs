using Lighter.Client.Nonces;
using Lighter.Client.Submission;
using Lighter.Client.Trading;
using Lighter.Signing;
using Lighter.Signing.L1;
using Lighter.Signing.Transactions;
using Microsoft.Extensions.Logging;

namespace Lighter.Client;

/// <summary>
/// The transactions that also carry an L1 (Ethereum EIP-191) signature: change API key, transfer, approve
/// integrator. The Ethereum key is passed per call and never kept by the client.
/// </summary>
public sealed partial class LighterClient
{
    /// <summary>Signs a transaction with the attached signer plus <paramref name="l1Signer"/>'s L1 signature and submits it.</summary>
    /// <param name="transaction">ChangePubKey, Transfer or ApproveIntegrator (other types ignore the L1 key).</param>
    /// <param name="l1Signer">The account's Ethereum key, used for this call only.</param>
    /// <param name="expiredAt">Unix ms; default now + 10 min − 1 s.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <exception cref="NotSupportedException">The attached signer cannot add L1 signatures.</exception>
    public Task<TxSubmission> SubmitAsync(LighterTransaction transaction, L1Signer l1Signer, long? expiredAt = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(l1Signer);
        var signer = RequireSigner();
        return RequireSubmitter().SubmitAsync(nonce => signer.Sign(transaction, nonce, expiredAt, l1Signer), cancellationToken);
    }

    /// <summary>Transfers an asset amount (integer units) to another account, L1-signed by <paramref name="l1Signer"/>.</summary>
    /// <param name="transfer">The transfer.</param>
    /// <param name="l1Signer">The account's Ethereum key, used for this call only.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public Task<TxSubmission> TransferAsync(Transfer transfer, L1Signer l1Signer, CancellationToken cancellationToken = default) =>
        SubmitAsync(transfer ?? throw new ArgumentNullException(nameof(transfer)), l1Signer, cancellationToken: cancellationToken);

    /// <summary>Approves an integrator's fees up to the given maxima, L1-signed by <paramref name="l1Signer"/>. Nothing is approved unless asked.</summary>
    /// <param name="approval">The approval (integrator, fee caps, expiry).</param>
    /// <param name="l1Signer">The account's Ethereum key, used for this call only.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public Task<TxSubmission> ApproveIntegratorAsync(ApproveIntegrator approval, L1Signer l1Signer, CancellationToken cancellationToken = default) =>
        SubmitAsync(approval ?? throw new ArgumentNullException(nameof(approval)), l1Signer, cancellationToken: cancellationToken);

    /// <summary>
    /// Registers <paramref name="newKey"/>'s public key in API key slot <paramref name="apiKeyIndex"/> (ChangePubKey).
    /// The exchange checks the L2 signature against the <em>new</em> key, so the new private key signs it; the account's
    /// Ethereum key adds the L1 signature. The nonce is the target slot's. After changing the client's own slot, attach a
    /// signer for the new key (a new client from <see cref="Create"/>): the client does not switch keys by itself.
    /// </summary>
    /// <param name="newKey">The new API private key (the caller owns it; it is not kept).</param>
    /// <param name="apiKeyIndex">The slot to change; null for the client's own <see cref="LighterClientOptions.ApiKeyIndex"/>.</param>
    /// <param name="l1Signer">The account's Ethereum key, used for this call only.</param>
    /// <param name="expiredAt">Unix ms; default now + 10 min − 1 s.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <exception cref="InvalidOperationException">The client has no account configured.</exception>
    public Task<TxSubmission> ChangeApiKeyAsync(LighterPrivateKey newKey, byte? apiKeyIndex, L1Signer l1Signer, long? expiredAt = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(newKey);
        ArgumentNullException.ThrowIfNull(l1Signer);
        var own = RequireSubmitter();
        var slot = apiKeyIndex ?? checked((byte)own.Nonces.ApiKeyIndex);
        var submitter = slot == own.Nonces.ApiKeyIndex ? own : SubmitterFor(own.Nonces.AccountIndex, slot);
        var signer = new ManagedTransactionSigner(new LighterSigner(newKey, new LighterChainId((uint)Environment.ChainId), own.Nonces.AccountIndex, slot, TimeProvider));
        var change = new ChangePubKey { PubKey = newKey.PublicKey.ToArray() };
        return submitter.SubmitAsync(nonce => signer.Sign(change, nonce, expiredAt, l1Signer), cancellationToken);
    }

    /// <summary>A one-off submitter for another API key slot of the account (its nonce sequence is fetched fresh).</summary>
    private TransactionSubmitter SubmitterFor(long account, byte slot) =>
        NewSubmitter(NewNonceManager(account, slot));
}
