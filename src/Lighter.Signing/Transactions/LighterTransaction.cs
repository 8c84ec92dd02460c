using System.Buffers;
using Lighter.Signing.Crypto;
using Lighter.Signing.L1;

namespace Lighter.Signing.Transactions;

/// <summary>
/// Base of the 20 client-signed L2 transactions: validation with the official rules, the exact Poseidon2
/// pre-image and hash, and the exact <c>tx_info</c> JSON. The signing account, API key, nonce and expiry travel
/// separately in a <see cref="TxHeader"/>, so one transaction value can be signed by any
/// <see cref="LighterSigner"/>.
/// </summary>
public abstract record LighterTransaction
{
    /// <summary>Largest pre-image (CreateOrder: 16 elements).</summary>
    internal const int MaxPreimageLength = 16;

    private const int JsonBufferLength = 4096;

    private protected LighterTransaction()
    {
    }

    /// <summary>The exchange's transaction type number.</summary>
    public abstract TxType TxType { get; }

    /// <summary>Optional L2 attributes (integrator fees, skip-nonce, self-trade rules, cancel-all market).</summary>
    public TxAttributes? Attributes { get; init; }

    /// <summary>The JSON name of the signing account (Transfer and Withdraw say <c>FromAccountIndex</c>).</summary>
    private protected virtual string AccountJsonName => "AccountIndex";

    /// <summary>True when <c>L1Sig</c> follows <c>Sig</c> in <c>tx_info</c> (Transfer, ApproveIntegrator).</summary>
    private protected virtual bool HasTrailingL1Signature => false;

    /// <summary>
    /// Checks every field with the official rules and order; throws a <see cref="LighterSigningException"/>
    /// carrying the official error text and naming the field.
    /// </summary>
    /// <param name="header">Account, API key, nonce and expiry.</param>
    public void Validate(in TxHeader header)
    {
        Attributes?.Validate();
        ValidateFields(header);
    }

    /// <summary>
    /// Computes the message hash that is signed and that the exchange reports as the tx hash (no validation:
    /// call <see cref="Validate"/> first).
    /// </summary>
    /// <param name="chainId">The chain the transaction is for.</param>
    /// <param name="header">Account, API key, nonce and expiry.</param>
    /// <returns>The GF(p^5) message hash.</returns>
    internal Fp5 Hash(LighterChainId chainId, in TxHeader header)
    {
        Span<ulong> preimage = stackalloc ulong[MaxPreimageLength];
        var length = WritePreimage(chainId, header, preimage);
        var core = Poseidon2.HashToQuinticExtension(preimage[..length]);

        Span<ulong> attributes = stackalloc ulong[2 * 4];
        if (Attributes is null || !Attributes.WritePreimage(attributes))
        {
            return core;
        }

        var attributeHash = Poseidon2.HashToQuinticExtension(attributes);
        Span<ulong> combined = stackalloc ulong[10];
        WriteLimbs(core, combined);
        WriteLimbs(attributeHash, combined[5..]);
        return Poseidon2.HashToQuinticExtension(combined);
    }

    /// <summary>
    /// Renders the <c>tx_info</c> JSON exactly as the official Go encoder does (field order and spelling,
    /// base64 <c>Sig</c>, <c>L2TxAttributes</c> null or an object).
    /// </summary>
    /// <param name="header">Account, API key, nonce and expiry.</param>
    /// <param name="signature">The 80-byte Schnorr signature (empty renders <c>null</c>, as an unsigned Go tx).</param>
    /// <param name="l1Signature">
    /// For ChangePubKey, Transfer and ApproveIntegrator: the <c>0x</c>-prefixed 65-byte hex L1 signature, or
    /// <see langword="null"/> for the empty string.
    /// </param>
    /// <returns>The JSON text.</returns>
    public string ToTxInfo(in TxHeader header, ReadOnlySpan<byte> signature, string? l1Signature = null)
    {
        L1SignatureFormat.Validate(l1Signature);
        if (!string.IsNullOrEmpty(l1Signature) && this is not IL1SignedTransaction)
        {
            throw new LighterSigningException($"{TxType} transactions carry no L1 signature.", "L1Sig");
        }

        var buffer = ArrayPool<char>.Shared.Rent(JsonBufferLength);
        try
        {
            var json = new TxJsonWriter(buffer);
            json.StartObject();
            json.Property(AccountJsonName, header.AccountIndex);
            json.Property("ApiKeyIndex", header.ApiKeyIndex);
            WriteJsonFields(ref json, l1Signature ?? string.Empty);
            json.Property("ExpiredAt", header.ExpiredAt);
            json.Property("Nonce", header.Nonce);
            json.Name("Sig");
            json.Base64(signature);
            if (HasTrailingL1Signature)
            {
                json.Name("L1Sig");
                json.AsciiString(l1Signature ?? string.Empty);
            }

            json.Name("L2TxAttributes");
            WriteAttributes(ref json, Attributes);
            json.EndObject();
            return new string(json.Written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes the core pre-image <c>[chainId, type, nonce, expiredAt, account, apiKey, ...fields]</c>.</summary>
    internal int WritePreimage(LighterChainId chainId, in TxHeader header, Span<ulong> destination)
    {
        var writer = new PreimageWriter(destination);
        writer.Add(chainId.Value);
        writer.Add((long)TxType);
        writer.Add(header.Nonce);
        writer.Add(header.ExpiredAt);
        writer.Add(header.AccountIndex);
        writer.Add(header.ApiKeyIndex);
        WriteFields(ref writer);
        return writer.Count;
    }

    /// <summary>Validates the type's own fields and the header in the official order (attributes are done).</summary>
    private protected abstract void ValidateFields(in TxHeader header);

    /// <summary>Appends the type's own hashed fields after the common prefix.</summary>
    private protected abstract void WriteFields(ref PreimageWriter writer);

    /// <summary>Writes the type's own JSON properties, between <c>ApiKeyIndex</c> and <c>ExpiredAt</c>.</summary>
    private protected abstract void WriteJsonFields(ref TxJsonWriter json, string l1Signature);

    private static void WriteLimbs(in Fp5 value, Span<ulong> destination)
    {
        destination[0] = value.C0;
        destination[1] = value.C1;
        destination[2] = value.C2;
        destination[3] = value.C3;
        destination[4] = value.C4;
    }

    private static void WriteAttributes(ref TxJsonWriter json, TxAttributes? attributes)
    {
        Span<long> pairs = stackalloc long[2 * 7];
        var count = attributes?.WritePresent(pairs) ?? 0;
        if (count == 0)
        {
            json.Null();
            return;
        }

        json.StartObject();
        for (var i = 0; i < count; i += 2)
        {
            json.Property(TypeNames[pairs[i]], pairs[i + 1]);
        }

        json.EndObject();
    }

    private static readonly string[] TypeNames = ["0", "1", "2", "3", "4", "5", "6", "7"];
}
