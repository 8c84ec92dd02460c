namespace Lighter.Signing.Transactions;

/// <summary>
/// The fields every L2 transaction carries besides its own: who signs it, with which API key, its nonce and
/// until when the exchange may execute it. <c>LighterSigner</c> fills this in; build it directly only to
/// hash or render a transaction yourself.
/// </summary>
/// <param name="AccountIndex">The signing account (Transfer and Withdraw send it as <c>FromAccountIndex</c>).</param>
/// <param name="ApiKeyIndex">The API key slot of the signing key (0..254).</param>
/// <param name="Nonce">The API key's next nonce (each API key has its own sequence).</param>
/// <param name="ExpiredAt">Unix milliseconds after which the exchange drops the transaction.</param>
public readonly record struct TxHeader(long AccountIndex, byte ApiKeyIndex, long Nonce, long ExpiredAt);
