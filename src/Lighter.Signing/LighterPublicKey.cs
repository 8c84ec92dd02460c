using Lighter.Signing.Crypto;

namespace Lighter.Signing;

/// <summary>
/// A Lighter API public key: the 40-byte encoding of an ECgFp5 point (five canonical little-endian Goldilocks
/// limbs). Parsing checks that the bytes encode a point of the group other than the neutral point.
/// </summary>
/// <remarks>
/// The neutral point (encoding zero, 40 zero bytes) is refused: it is <c>0·G</c>, so a "signature" made with no
/// secret at all (<c>s = k</c>) verifies against it. <c>default(LighterPublicKey)</c> is that point; verification
/// with it returns false.
/// </remarks>
public readonly struct LighterPublicKey : IEquatable<LighterPublicKey>
{
    /// <summary>Length of the encoded key in bytes.</summary>
    public const int ByteLength = 40;

    internal LighterPublicKey(in Fp5 encoding) => Value = encoding.ToCanonical();

    /// <summary>The key as a GF(p^5) element (canonical limbs), e.g. for hashing into a transaction.</summary>
    internal Fp5 Value { get; }

    /// <summary>Parses 80 hex digits (optional <c>0x</c>).</summary>
    /// <param name="hex">The hex-encoded key.</param>
    /// <returns>The key.</returns>
    /// <exception cref="LighterSigningException">Malformed hex, wrong length, not a curve point, or the neutral point.</exception>
    public static LighterPublicKey Parse(string hex)
    {
        Span<byte> bytes = stackalloc byte[ByteLength];
        KeyHex.Decode(hex, bytes, "publicKey", "public key");
        return FromBytes(bytes);
    }

    /// <summary>Tries to parse 80 hex digits (optional <c>0x</c>).</summary>
    /// <param name="hex">The hex-encoded key.</param>
    /// <param name="key">The key when successful.</param>
    /// <returns>True if <paramref name="hex"/> is a valid public key.</returns>
    public static bool TryParse(string? hex, out LighterPublicKey key)
    {
        try
        {
            key = Parse(hex!);
            return true;
        }
        catch (LighterSigningException)
        {
            key = default;
            return false;
        }
    }

    /// <summary>Reads the 40-byte encoding.</summary>
    /// <param name="bytes40">Exactly 40 bytes.</param>
    /// <returns>The key.</returns>
    /// <exception cref="LighterSigningException">Wrong length, a limb ≥ p, not a curve point, or the neutral point.</exception>
    public static LighterPublicKey FromBytes(ReadOnlySpan<byte> bytes40)
    {
        if (bytes40.Length != ByteLength)
        {
            throw new LighterSigningException(
                $"A public key is {ByteLength} bytes, got {bytes40.Length}.", "publicKey");
        }

        var w = Fp5.FromLittleEndianBytes(bytes40);
        if (w.C0 >= Goldilocks.Modulus || w.C1 >= Goldilocks.Modulus || w.C2 >= Goldilocks.Modulus
            || w.C3 >= Goldilocks.Modulus || w.C4 >= Goldilocks.Modulus)
        {
            throw new LighterSigningException("The public key has a limb that is not a canonical field element.", "publicKey");
        }

        if (w.IsZero)
        {
            throw new LighterSigningException(
                "The public key is the neutral point (all zero), which any signature without a secret matches.", "publicKey");
        }

        if (!EcPoint.TryDecode(w, out _))
        {
            throw new LighterSigningException("The public key does not encode an ECgFp5 curve point.", "publicKey");
        }

        return new LighterPublicKey(w);
    }

    /// <summary>Lowercase hex without <c>0x</c> (the form the exchange compares).</summary>
    /// <returns>80 hex digits.</returns>
    public string ToHex()
    {
        Span<byte> bytes = stackalloc byte[ByteLength];
        CopyTo(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>Writes the 40-byte encoding.</summary>
    /// <param name="destination">At least 40 bytes.</param>
    public void CopyTo(Span<byte> destination) => Value.WriteLittleEndianBytes(destination);

    /// <summary>The 40-byte encoding as a new array.</summary>
    /// <returns>The bytes.</returns>
    public byte[] ToArray()
    {
        var bytes = new byte[ByteLength];
        CopyTo(bytes);
        return bytes;
    }

    /// <summary>The key as lowercase hex (public information).</summary>
    /// <returns>80 hex digits.</returns>
    public override string ToString() => ToHex();

    /// <inheritdoc/>
    public bool Equals(LighterPublicKey other) => Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is LighterPublicKey other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>Equality.</summary>
    /// <param name="left">Left key.</param>
    /// <param name="right">Right key.</param>
    /// <returns>True if equal.</returns>
    public static bool operator ==(LighterPublicKey left, LighterPublicKey right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">Left key.</param>
    /// <param name="right">Right key.</param>
    /// <returns>True if different.</returns>
    public static bool operator !=(LighterPublicKey left, LighterPublicKey right) => !left.Equals(right);
}
