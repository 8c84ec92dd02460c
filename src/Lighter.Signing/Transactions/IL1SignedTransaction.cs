namespace Lighter.Signing.Transactions;

/// <summary>
/// A transaction the exchange accepts only with an additional Ethereum (L1) signature of a text message
/// (ChangePubKey, Transfer, ApproveIntegrator). The L1 signature goes into <c>L1Sig</c> and is not hashed.
/// </summary>
public interface IL1SignedTransaction
{
    /// <summary>The exact message text the L1 wallet signs with EIP-191 <c>personal_sign</c>.</summary>
    /// <param name="chainId">The chain the transaction is for (part of the Transfer / ApproveIntegrator texts).</param>
    /// <param name="header">Account, API key, nonce and expiry.</param>
    /// <returns>The message text.</returns>
    string GetL1Message(LighterChainId chainId, in TxHeader header);
}
