using Lighter.Signing.Auth;
using Lighter.Signing.Crypto;
using Lighter.Signing.L1;
using Lighter.Signing.Primitives;
using Lighter.Signing.Transactions;

namespace Lighter.Signing;

/// <summary>
/// Signs L2 transactions and auth tokens for one API key of one account on one chain: validates with the
/// official rules, hashes, signs (Schnorr over ECgFp5) and renders the exact <c>tx_info</c>. Holds no global
/// state and is safe to use from many threads. The private key stays owned by the caller (dispose it yourself).
/// </summary>
public sealed class LighterSigner
{
    private readonly LighterPrivateKey _privateKey;
    private readonly TimeProvider _timeProvider;
    private readonly SchnorrCommitmentPool? _commitmentPool;

    /// <summary>Creates a signer.</summary>
    /// <param name="privateKey">The API private key registered in slot <paramref name="apiKeyIndex"/>.</param>
    /// <param name="chainId">The chain: <see cref="LighterChainId.Mainnet"/> (304) or <see cref="LighterChainId.Testnet"/> (300).</param>
    /// <param name="accountIndex">The account the key belongs to.</param>
    /// <param name="apiKeyIndex">The API key slot (0..254).</param>
    /// <param name="timeProvider">The clock for default expiries (<see cref="TimeProvider.System"/> when null).</param>
    /// <param name="commitmentPool">
    /// Optional pool of precomputed nonce commitments for <paramref name="privateKey"/> (lower signing latency);
    /// the caller owns and disposes it.
    /// </param>
    public LighterSigner(
        LighterPrivateKey privateKey, LighterChainId chainId, long accountIndex, byte apiKeyIndex,
        TimeProvider? timeProvider = null, SchnorrCommitmentPool? commitmentPool = null)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        _privateKey = privateKey;
        ChainId = chainId;
        AccountIndex = accountIndex;
        ApiKeyIndex = apiKeyIndex;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _commitmentPool = commitmentPool;
    }

    /// <summary>The chain every transaction is signed for.</summary>
    public LighterChainId ChainId { get; }

    /// <summary>The signing account.</summary>
    public long AccountIndex { get; }

    /// <summary>The API key slot of the private key.</summary>
    public byte ApiKeyIndex { get; }

    /// <summary>
    /// Validates, hashes and signs <paramref name="transaction"/>.
    /// </summary>
    /// <param name="transaction">Any of the 20 transaction types.</param>
    /// <param name="nonce">The API key's next nonce (from the exchange or a nonce manager).</param>
    /// <param name="expiredAt">Unix milliseconds; default now + 10 min − 1 s (<see cref="TxDefaults.ExpiredAt"/>).</param>
    /// <param name="l1Signer">
    /// For ChangePubKey, Transfer and ApproveIntegrator: the account's Ethereum key, to fill <c>L1Sig</c>. Without
    /// it <c>L1Sig</c> is empty and <see cref="SignedTransaction.L1Message"/> tells what to sign elsewhere.
    /// </param>
    /// <returns>The signed transaction.</returns>
    /// <exception cref="LighterSigningException">A field is out of range (the message is the official text).</exception>
    public SignedTransaction Sign(
        LighterTransaction transaction, long nonce, long? expiredAt = null, L1Signer? l1Signer = null)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var header = new TxHeader(AccountIndex, ApiKeyIndex, nonce, expiredAt ?? TxDefaults.ExpiredAt(_timeProvider));
        transaction.Validate(header);
        var hash = transaction.Hash(ChainId, header);

        Span<byte> hashBytes = stackalloc byte[40];
        hash.WriteLittleEndianBytes(hashBytes);
        var signature = new byte[80];
        Schnorr.Sign(_privateKey, hash, signature, _commitmentPool);

        var l1Message = (transaction as IL1SignedTransaction)?.GetL1Message(ChainId, header);
        var l1Signature = l1Message is not null ? l1Signer?.SignMessage(l1Message) : null;
        return new SignedTransaction(
            transaction, header, Convert.ToHexStringLower(hashBytes), signature, l1Message, l1Signature);
    }

    /// <summary>Creates an auth token for this account and API key (see <see cref="AuthTokens.Create"/>).</summary>
    /// <param name="deadline">When the token expires; default now + 7 h; at most 8 h ahead.</param>
    /// <returns>The token.</returns>
    public AuthToken CreateAuthToken(DateTimeOffset? deadline = null) =>
        AuthTokens.Create(_privateKey, AccountIndex, ApiKeyIndex, deadline, _timeProvider);

    /// <inheritdoc />
    public override string ToString() => $"LighterSigner(account {AccountIndex}, api key {ApiKeyIndex}, chain {ChainId})";
}
