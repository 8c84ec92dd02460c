using System.Text;
using Lighter.Signing.Crypto;
using Lighter.Signing;

namespace Lighter.Testing.Transactions;

/// <summary>
/// Recomputes transaction hashes for the sandbox's chain id and checks Schnorr signatures and auth tokens
/// against registered public keys, with the primitives of <c>Lighter.Signing</c>.
/// </summary>
internal sealed class TxVerifier(uint chainId)
{
    /// <summary>The 40-byte hash the exchange expects to be signed (and reports as the tx hash).</summary>
    public byte[] Hash(DecodedTx tx)
    {
        var core = Poseidon2.HashToQuinticExtension(tx.CorePreimage(chainId));
        var attributes = tx.AttributePreimage();
        var final = attributes is null ? core : Combine(core, Poseidon2.HashToQuinticExtension(attributes));
        var bytes = new byte[Fp5.ByteLength];
        final.WriteLittleEndianBytes(bytes);
        return bytes;
    }

    /// <summary>Whether <paramref name="signature"/> (s ‖ e, 80 bytes) signs <paramref name="hash"/> under the key.</summary>
    public static bool Verify(LighterPublicKey publicKey, byte[] hash, byte[] signature) =>
        Schnorr.Verify(publicKey, Fp5.FromLittleEndianBytes(hash), signature);

    /// <summary>
    /// The hash an auth token signs: its <c>deadline:account:apiKey</c> text packed into 8-byte little-endian
    /// field elements (the last one zero-padded) and hashed to the quintic extension (signing notes §8).
    /// </summary>
    public static byte[] AuthMessageHash(string message)
    {
        var bytes = Encoding.ASCII.GetBytes(message);
        var elements = new ulong[(bytes.Length + 7) / 8];
        var padded = new byte[elements.Length * 8];
        bytes.CopyTo(padded, 0);
        for (var i = 0; i < elements.Length; i++)
        {
            elements[i] = BitConverter.ToUInt64(padded, i * 8);
        }

        var hash = new byte[Fp5.ByteLength];
        Poseidon2.HashToQuinticExtension(elements).WriteLittleEndianBytes(hash);
        return hash;
    }

    private static Fp5 Combine(Fp5 core, Fp5 attributes)
    {
        Span<ulong> elements = stackalloc ulong[10];
        core.CopyCanonicalLimbsTo(elements[..5]);
        attributes.CopyCanonicalLimbsTo(elements[5..]);
        return Poseidon2.HashToQuinticExtension(elements);
    }
}
