using Lighter.Signing.Transactions;

namespace Lighter.Client.Trading;

/// <summary>
/// Signs transactions for one account and API key. The SDK's managed signer implements it; an HSM or remote
/// signer can too. The client refuses a signer whose chain differs from the environment's.
/// </summary>
public interface ILighterTransactionSigner
{
    /// <summary>The chain the signer signs for.</summary>
    LighterChainId ChainId { get; }

    /// <summary>The signing account.</summary>
    long AccountIndex { get; }

    /// <summary>The API key slot.</summary>
    byte ApiKeyIndex { get; }

    /// <summary>Validates and signs <paramref name="transaction"/> with <paramref name="nonce"/>.</summary>
    /// <param name="transaction">Any transaction type.</param>
    /// <param name="nonce">The nonce leased for it.</param>
    /// <param name="expiredAt">Unix ms; null for the default (now + 10 min − 1 s).</param>
    /// <returns>The signed transaction as <c>sendTx</c> takes it.</returns>
    Submission.WireTransaction Sign(LighterTransaction transaction, long nonce, long? expiredAt);

    /// <summary>
    /// Signs a transaction that also needs an L1 (Ethereum) signature (ChangePubKey, Transfer, ApproveIntegrator)
    /// with the account's Ethereum key given for this call only.
    /// </summary>
    /// <param name="transaction">The transaction (for other types the L1 key is not used).</param>
    /// <param name="nonce">The nonce leased for it.</param>
    /// <param name="expiredAt">Unix ms; null for the default.</param>
    /// <param name="l1Signer">The account's Ethereum key; the caller owns it.</param>
    /// <returns>The signed transaction with its <c>L1Sig</c> filled in.</returns>
    /// <exception cref="LighterConfigurationException">The signer cannot add L1 signatures (the default for custom signers).</exception>
    Submission.WireTransaction Sign(LighterTransaction transaction, long nonce, long? expiredAt, Lighter.Signing.L1.L1Signer l1Signer) =>
        throw new LighterConfigurationException($"{GetType().Name} does not add L1 signatures; sign {transaction?.TxType} with an L1-capable signer such as ManagedTransactionSigner.");

    /// <summary>Creates an auth token valid until <paramref name="deadline"/>.</summary>
    string CreateAuthToken(DateTimeOffset deadline);
}
