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

    /// <summary>Creates an auth token valid until <paramref name="deadline"/>.</summary>
    string CreateAuthToken(DateTimeOffset deadline);
}
