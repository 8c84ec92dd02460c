using System.Diagnostics;
using Lighter.Client.Diagnostics;
using Lighter.Client.Submission;
using Lighter.Signing;
using Lighter.Signing.L1;
using Lighter.Signing.Transactions;

namespace Lighter.Client.Trading;

/// <summary>
/// The SDK's own signer behind <see cref="ILighterTransactionSigner"/>: the pure managed <see cref="LighterSigner"/>
/// of Lighter.Signing, plus an optional Ethereum key for the transactions that also need an L1 signature
/// (ChangePubKey, Transfer, ApproveIntegrator). Without that key such a transaction is refused before it is
/// signed instead of being sent with an empty <c>L1Sig</c> the exchange would reject.
/// </summary>
public sealed class ManagedTransactionSigner : ILighterTransactionSigner, IDisposable
{
    private readonly LighterSigner _signer;
    private readonly L1Signer? _l1Signer;
    private readonly LighterPrivateKey? _ownedKey;

    /// <summary>Wraps a signer the caller owns (its key is not disposed here).</summary>
    /// <param name="signer">The managed signer.</param>
    /// <param name="l1Signer">The account's Ethereum key, for transactions that need an L1 signature; the caller owns it.</param>
    public ManagedTransactionSigner(LighterSigner signer, L1Signer? l1Signer = null)
        : this(signer, l1Signer, ownedKey: null)
    {
    }

    private ManagedTransactionSigner(LighterSigner signer, L1Signer? l1Signer, LighterPrivateKey? ownedKey)
    {
        ArgumentNullException.ThrowIfNull(signer);
        _signer = signer;
        _l1Signer = l1Signer;
        _ownedKey = ownedKey;
    }

    /// <inheritdoc />
    public LighterChainId ChainId => _signer.ChainId;

    /// <inheritdoc />
    public long AccountIndex => _signer.AccountIndex;

    /// <inheritdoc />
    public byte ApiKeyIndex => _signer.ApiKeyIndex;

    /// <summary>
    /// Builds the signer from validated options: parses <see cref="LighterClientOptions.PrivateKey"/> for the
    /// configured account, key and the environment's chain. The parsed key is owned (zeroed on <see cref="Dispose"/>).
    /// </summary>
    /// <returns>The signer, or null when no private key is configured (a read-only client).</returns>
    /// <exception cref="LighterConfigurationException">The key, account or key index is missing or malformed.</exception>
    public static ManagedTransactionSigner? FromOptions(LighterClientOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.PrivateKey is not { } hex) return null;
        if (options.AccountIndex is not { } account || options.ApiKeyIndex is not { } keyIndex || keyIndex is < 0 or > 254)
        {
            throw new LighterConfigurationException("Lighter:AccountIndex and Lighter:ApiKeyIndex (0..254) are required with a PrivateKey.");
        }

        LighterPrivateKey key;
        try
        {
            key = LighterPrivateKey.Parse(hex);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or LighterSigningException)
        {
            // The parser's message never contains the key; still, say only what is wrong with it.
            throw new LighterConfigurationException("Lighter:PrivateKey is not a valid API private key (80 hex digits, optional 0x).", ex);
        }

        var chain = new LighterChainId((uint)options.ResolveEnvironment().ChainId);
        return new ManagedTransactionSigner(new LighterSigner(key, chain, account, (byte)keyIndex, timeProvider), null, key);
    }

    /// <inheritdoc />
    /// <exception cref="LighterConfigurationException">The transaction needs an L1 signature and no Ethereum key was given.</exception>
    public WireTransaction Sign(LighterTransaction transaction, long nonce, long? expiredAt)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (transaction is IL1SignedTransaction && _l1Signer is null)
        {
            throw new LighterConfigurationException($"{transaction.TxType} needs an L1 (Ethereum) signature: create the signer with an L1Signer for the account's Ethereum key.");
        }

        if (!LighterTelemetry.SigningDuration.Enabled)
        {
            return Wire(_signer.Sign(transaction, nonce, expiredAt, _l1Signer));
        }

        var started = Stopwatch.GetTimestamp();
        var signed = Wire(_signer.Sign(transaction, nonce, expiredAt, _l1Signer));
        LighterTelemetry.SigningDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("lighter.tx_type", (int)transaction.TxType));
        return signed;
    }

    /// <inheritdoc />
    public WireTransaction Sign(LighterTransaction transaction, long nonce, long? expiredAt, L1Signer l1Signer)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(l1Signer);
        return Wire(_signer.Sign(transaction, nonce, expiredAt, l1Signer));
    }

    private static WireTransaction Wire(SignedTransaction signed) => new((int)signed.TxType, signed.TxInfo, signed.TxHash, signed.Nonce);

    /// <inheritdoc />
    public string CreateAuthToken(DateTimeOffset deadline) => _signer.CreateAuthToken(deadline).Value;

    /// <summary>Zeroes the private key when this signer parsed it from options.</summary>
    public void Dispose() => _ownedKey?.Dispose();

    /// <inheritdoc />
    public override string ToString() => $"ManagedTransactionSigner(account {AccountIndex}, api key {ApiKeyIndex}, chain {ChainId})";
}
