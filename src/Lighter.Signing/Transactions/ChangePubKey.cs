using System.Buffers.Binary;
using Lighter.Signing.L1;

namespace Lighter.Signing.Transactions;

/// <summary>
/// Registers a new API public key in an API key slot (tx type 8). Signed by the <em>new</em> key, and needs an L1
/// signature of <see cref="GetL1Message"/> by the account's Ethereum wallet.
/// </summary>
public sealed record ChangePubKey : LighterTransaction, IL1SignedTransaction
{
    /// <summary>Public key length in bytes.</summary>
    public const int PubKeyLength = 40;

    private readonly byte[] _pubKey = [];

    /// <summary>The new 40-byte public key (the value is copied).</summary>
    public required ReadOnlyMemory<byte> PubKey
    {
        get => _pubKey;
        init => _pubKey = value.ToArray();
    }

    /// <inheritdoc />
    public override TxType TxType => TxType.ChangePubKey;

    /// <inheritdoc />
    public string GetL1Message(LighterChainId chainId, in TxHeader header) =>
        L1Messages.ChangePubKey(_pubKey, header);

    /// <inheritdoc />
    private protected override void ValidateFields(in TxHeader header)
    {
        HeaderRules.Begin(header);
        HeaderRules.NonceAndExpiry(header);
        TxErrors.FailIf(_pubKey.Length != PubKeyLength, TxErrors.PubKeyInvalid, nameof(PubKey));
    }

    /// <inheritdoc />
    private protected override void WriteFields(ref PreimageWriter writer)
    {
        TxErrors.FailIf(_pubKey.Length != PubKeyLength, TxErrors.PubKeyInvalid, nameof(PubKey));

        // The key's five 8-byte little-endian limbs, not range-checked (as gFp5.FromCanonicalLittleEndianBytes).
        for (var i = 0; i < PubKeyLength; i += 8)
        {
            writer.Add((long)BinaryPrimitives.ReadUInt64LittleEndian(_pubKey.AsSpan(i, 8)));
        }
    }

    /// <inheritdoc />
    private protected override void WriteJsonFields(ref TxJsonWriter json, string l1Signature)
    {
        json.Name("PubKey");
        json.Base64(_pubKey);
        json.Name("L1Sig");
        json.AsciiString(l1Signature);
    }
}
