using System.Text.Json;
using Lighter.Signing.Crypto;

namespace Lighter.Signing.Transactions;

/// <summary>
/// A <c>tx_info</c> JSON read back into a transaction, its header and its signatures, e.g. to check what a
/// client sent to a test exchange: recompute the hash, verify the signature, validate the fields.
/// </summary>
public sealed class ParsedTransaction
{
    private ParsedTransaction(LighterTransaction transaction, TxHeader header, byte[] signature, string? l1Signature)
    {
        Transaction = transaction;
        Header = header;
        Signature = signature;
        L1Signature = l1Signature;
    }

    /// <summary>The transaction's own fields and attributes.</summary>
    public LighterTransaction Transaction { get; }

    /// <summary>Account, API key, nonce and expiry.</summary>
    public TxHeader Header { get; }

    /// <summary>The Schnorr signature (<c>Sig</c>); empty when it was <c>null</c>.</summary>
    public ReadOnlyMemory<byte> Signature { get; }

    /// <summary>The <c>L1Sig</c> text, when the type carries one and it is non-empty.</summary>
    public string? L1Signature { get; }

    /// <summary>Parses a <c>tx_info</c> of the given type.</summary>
    /// <param name="txType">The <c>tx_type</c> sent with it.</param>
    /// <param name="txInfo">The JSON text.</param>
    /// <returns>The parsed transaction (not yet validated: call <see cref="LighterTransaction.Validate"/>).</returns>
    /// <exception cref="LighterSigningException">The JSON is malformed, a field is missing or does not fit its type.</exception>
    public static ParsedTransaction Parse(TxType txType, string txInfo)
    {
        ArgumentNullException.ThrowIfNull(txInfo);
        try
        {
            using var document = JsonDocument.Parse(txInfo);
            var json = document.RootElement;
            var account = txType is TxType.Transfer or TxType.Withdraw ? "FromAccountIndex" : "AccountIndex";
            var header = new TxHeader(
                Int64(json, account), checked((byte)Int64(json, "ApiKeyIndex")), Int64(json, "Nonce"), Int64(json, "ExpiredAt"));
            var attributes = json.TryGetProperty("L2TxAttributes", out var attributesJson)
                ? TransactionJsonReader.ReadAttributes(attributesJson)
                : null;
            var transaction = TransactionJsonReader.Read(txType, json, attributes);
            var signature = json.TryGetProperty("Sig", out var sig) && sig.ValueKind == JsonValueKind.String
                ? sig.GetBytesFromBase64()
                : [];
            var l1Signature = json.TryGetProperty("L1Sig", out var l1) ? l1.GetString() : null;
            return new ParsedTransaction(transaction, header, signature, string.IsNullOrEmpty(l1Signature) ? null : l1Signature);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or OverflowException
            or ArgumentException) // ArgumentException: text that is not valid UTF-16 (a lone surrogate)
        {
            throw new LighterSigningException($"tx_info is not a valid {txType} transaction: {ex.Message}", "tx_info", ex);
        }
    }

    /// <summary>True when <see cref="Signature"/> is a valid signature of the transaction's hash by <paramref name="publicKey"/>.</summary>
    /// <param name="chainId">The chain the transaction claims to be for.</param>
    /// <param name="publicKey">The API public key registered for the header's account and API key.</param>
    /// <returns>Whether the signature verifies.</returns>
    public bool VerifySignature(LighterChainId chainId, LighterPublicKey publicKey) =>
        Signature.Length == 80 && Schnorr.Verify(publicKey, Transaction.Hash(chainId, Header), Signature.Span);

    private static long Int64(JsonElement json, string name) => json.TryGetProperty(name, out var value)
        ? value.GetInt64()
        : throw new LighterSigningException($"{name} is missing.", name);
}
