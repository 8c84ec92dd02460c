using Lighter.Signing.Primitives;

namespace Lighter.Signing.Crypto;

/// <summary>
/// Schnorr signatures over ECgFp5 as Lighter uses them, on an already-hashed message m ∈ GF(p^5):
/// <c>r = Encode(k·G)</c>, <c>e = FromGfp5(Poseidon2.HashToQuinticExtension(r ‖ m))</c>, <c>s = k - e·sk mod n</c>;
/// the 80-byte signature is <c>s ‖ e</c> (40 bytes little-endian each).
/// </summary>
internal static class Schnorr
{
    /// <summary>Length of a signature in bytes.</summary>
    public const int SignatureLength = 80;

    /// <summary>Signs with a hedged nonce (secret key, message and fresh randomness; see the class remarks).</summary>
    /// <param name="key">The signing key.</param>
    /// <param name="messageHash">The hashed message (e.g. a transaction hash).</param>
    /// <param name="signature80">Receives the 80-byte signature (at least 80 bytes).</param>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public static void Sign(LighterPrivateKey key, in Fp5 messageHash, Span<byte> signature80)
    {
        ArgumentNullException.ThrowIfNull(key);
        CheckDestination(signature80.Length);
        var k = HedgedNonce.Derive(key.SecretBytes, messageHash);
        var r = GeneratorTable.Multiply(k).Encode();
        Finish(key.GetScalar(), k, r, messageHash, signature80);
    }

    /// <summary>
    /// Signs with a precomputed commitment from <paramref name="pool"/> when one is ready (a hash and a few scalar
    /// operations), otherwise exactly as <see cref="Sign(LighterPrivateKey, in Fp5, Span{byte})"/>.
    /// </summary>
    /// <param name="key">The signing key; must be the key the pool was created for.</param>
    /// <param name="messageHash">The hashed message.</param>
    /// <param name="signature80">Receives the 80-byte signature (at least 80 bytes).</param>
    /// <param name="pool">A commitment pool for <paramref name="key"/>, or <see langword="null"/>.</param>
    /// <exception cref="LighterSigningException">The pool belongs to another key.</exception>
    public static void Sign(
        LighterPrivateKey key, in Fp5 messageHash, Span<byte> signature80, SchnorrCommitmentPool? pool)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (pool is null)
        {
            Sign(key, messageHash, signature80);
            return;
        }

        if (!ReferenceEquals(pool.Key, key))
        {
            throw new LighterSigningException("The commitment pool was created for a different key.", nameof(pool));
        }

        CheckDestination(signature80.Length);
        if (pool.TryTake(out var k, out var r))
        {
            Finish(key.GetScalar(), k, r, messageHash, signature80);
            return;
        }

        Sign(key, messageHash, signature80);
    }

    /// <summary>Verifies a signature as the official <c>IsSchnorrSignatureValid</c> (s and e are read mod n).</summary>
    /// <param name="publicKey">The signer's public key.</param>
    /// <param name="messageHash">The hashed message.</param>
    /// <param name="signature80">The 80-byte signature.</param>
    /// <returns>
    /// True if the signature is valid; false when it is not, or when <paramref name="publicKey"/> is the neutral point
    /// (e.g. <c>default(LighterPublicKey)</c>), which any secret-free signature would otherwise satisfy.
    /// </returns>
    /// <exception cref="LighterSigningException">The signature is not 80 bytes.</exception>
    public static bool Verify(LighterPublicKey publicKey, in Fp5 messageHash, ReadOnlySpan<byte> signature80)
    {
        CheckLength(signature80.Length);
        var key = VerificationKeyCache.Get(publicKey.Value);
        if (key is null)
        {
            return false;
        }

        var s = Scalar.FromLittleEndianBytesReduced(signature80[..40]);
        var e = Scalar.FromLittleEndianBytesReduced(signature80[40..]);
        var rv = key.MultiplyAdd(s, e);
        return Challenge(rv.Encode(), messageHash) == e;
    }

    /// <summary>
    /// Signs with a caller-chosen nonce (the official <c>SchnorrSignHashedMessage2</c>), for conformance vectors
    /// only: reusing a nonce for two messages reveals the key.
    /// </summary>
    internal static void SignWithFixedNonce(
        LighterPrivateKey key, in Fp5 messageHash, ReadOnlySpan<ulong> kLimbs5, Span<byte> signature80)
    {
        ArgumentNullException.ThrowIfNull(key);
        CheckDestination(signature80.Length);
        if (kLimbs5.Length != 5)
        {
            throw new LighterSigningException("A nonce has 5 limbs.", nameof(kLimbs5));
        }

        var k = Scalar.FromLimbsReduced(kLimbs5[0], kLimbs5[1], kLimbs5[2], kLimbs5[3], kLimbs5[4]);
        var r = GeneratorTable.Multiply(k).Encode();
        Finish(key.GetScalar(), k, r, messageHash, signature80);
    }

    /// <summary>e = FromGfp5(H5(r ‖ m)).</summary>
    internal static Scalar Challenge(in Fp5 r, in Fp5 messageHash)
    {
        Span<ulong> preimage = stackalloc ulong[10];
        r.CopyCanonicalLimbsTo(preimage);
        messageHash.CopyCanonicalLimbsTo(preimage[5..]);
        return Scalar.FromFp5(Poseidon2.HashToQuinticExtension(preimage));
    }

    private static void Finish(in Scalar sk, in Scalar k, in Fp5 r, in Fp5 messageHash, Span<byte> signature80)
    {
        var e = Challenge(r, messageHash);
        var s = k - (e * sk);
        s.WriteLittleEndianBytes(signature80);
        e.WriteLittleEndianBytes(signature80[40..]);
    }

    private static void CheckDestination(int length)
    {
        if (length < SignatureLength)
        {
            throw new LighterSigningException(
                $"The signature destination must hold {SignatureLength} bytes, got {length}.", "signature80");
        }
    }

    private static void CheckLength(int length)
    {
        if (length != SignatureLength)
        {
            throw new LighterSigningException(
                $"A signature is {SignatureLength} bytes, got {length}.", "signature80");
        }
    }
}
