using Nethereum.Signer;

namespace Lighter.Signing.L1;

/// <summary>
/// Signs L1 messages (ChangePubKey, Transfer, ApproveIntegrator) with an Ethereum private key using EIP-191
/// <c>personal_sign</c> (secp256k1, Keccak-256, RFC 6979 deterministic nonces) via Nethereum. The key never
/// appears in <see cref="ToString"/> or in exception messages.
/// </summary>
public sealed class L1Signer : IDisposable
{
    private EthECKey? _key;

    /// <summary>Creates a signer from a 32-byte secp256k1 private key in hex (optional <c>0x</c>).</summary>
    /// <param name="privateKeyHex">The Ethereum private key.</param>
    /// <exception cref="LighterSigningException">The key is not 32 bytes of hex or not a valid secp256k1 key.</exception>
    public L1Signer(string privateKeyHex)
    {
        ArgumentNullException.ThrowIfNull(privateKeyHex);
        var hex = privateKeyHex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? privateKeyHex[2..] : privateKeyHex;
        if (hex.Length != 64 || hex.AsSpan().ContainsAnyExcept("0123456789abcdefABCDEF"))
        {
            throw new LighterSigningException("The L1 private key must be 32 bytes of hex.", "l1PrivateKey");
        }

        try
        {
            _key = new EthECKey(hex);
            Address = _key.GetPublicAddress();
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            // The inner exception is dropped on purpose: its message may quote the key.
            throw new LighterSigningException("The L1 private key is not a valid secp256k1 key.", "l1PrivateKey");
        }
    }

    /// <summary>The Ethereum address of the key (EIP-55 checksummed).</summary>
    public string Address { get; }

    /// <summary>Signs <paramref name="message"/> (UTF-8) with EIP-191 <c>personal_sign</c>.</summary>
    /// <param name="message">The message text, e.g. <see cref="Transactions.IL1SignedTransaction.GetL1Message"/>.</param>
    /// <returns><c>0x</c> + hex of r ‖ s ‖ v (65 bytes, v = 27 or 28), the <c>L1Sig</c> format.</returns>
    public string SignMessage(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var key = _key ?? throw new ObjectDisposedException(nameof(L1Signer));
        var signature = new EthereumMessageSigner().EncodeUTF8AndSign(message, key);
        return signature.ToLowerInvariant();
    }

    /// <summary>Drops the key.</summary>
    public void Dispose() => _key = null;

    /// <inheritdoc />
    public override string ToString() => $"L1Signer({Address}, key redacted)";
}
