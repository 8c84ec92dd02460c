using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Lighter.Signing.Crypto;

/// <summary>
/// An element of the quintic extension GF(p^5) = GF(p)[X]/(X^5 - 3): <c>C0 + C1·X + C2·X² + C3·X³ + C4·X⁴</c>.
/// Limbs may hold non-canonical values (any <see cref="ulong"/>, taken mod p); equality and serialisation are
/// canonical. Public keys, message hashes and the Schnorr nonce commitment are values of this type.
/// </summary>
internal readonly partial struct Fp5 : IEquatable<Fp5>
{
    /// <summary>Byte length of the encoding (five 8-byte little-endian limbs).</summary>
    public const int ByteLength = 40;

    /// <summary>Creates an element from its five limbs (limb 0 first).</summary>
    /// <param name="c0">Coefficient of X⁰.</param>
    /// <param name="c1">Coefficient of X¹.</param>
    /// <param name="c2">Coefficient of X².</param>
    /// <param name="c3">Coefficient of X³.</param>
    /// <param name="c4">Coefficient of X⁴.</param>
    public Fp5(ulong c0, ulong c1, ulong c2, ulong c3, ulong c4)
    {
        C0 = c0;
        C1 = c1;
        C2 = c2;
        C3 = c3;
        C4 = c4;
    }

    /// <summary>The zero element.</summary>
    public static Fp5 Zero => default;

    /// <summary>The one element.</summary>
    public static Fp5 One => new(1, 0, 0, 0, 0);

    /// <summary>Coefficient of X⁰ (raw, possibly non-canonical).</summary>
    [SuppressMessage("Design", "CA1051", Justification = "Plain limbs of a readonly value type, read on hot paths.")]
    public readonly ulong C0;

    /// <summary>Coefficient of X¹ (raw, possibly non-canonical).</summary>
    [SuppressMessage("Design", "CA1051", Justification = "Plain limbs of a readonly value type, read on hot paths.")]
    public readonly ulong C1;

    /// <summary>Coefficient of X² (raw, possibly non-canonical).</summary>
    [SuppressMessage("Design", "CA1051", Justification = "Plain limbs of a readonly value type, read on hot paths.")]
    public readonly ulong C2;

    /// <summary>Coefficient of X³ (raw, possibly non-canonical).</summary>
    [SuppressMessage("Design", "CA1051", Justification = "Plain limbs of a readonly value type, read on hot paths.")]
    public readonly ulong C3;

    /// <summary>Coefficient of X⁴ (raw, possibly non-canonical).</summary>
    [SuppressMessage("Design", "CA1051", Justification = "Plain limbs of a readonly value type, read on hot paths.")]
    public readonly ulong C4;

    /// <summary>True if the element is zero (canonically).</summary>
    public bool IsZero => Goldilocks.ToCanonical(C0) == 0 && Goldilocks.ToCanonical(C1) == 0
        && Goldilocks.ToCanonical(C2) == 0 && Goldilocks.ToCanonical(C3) == 0 && Goldilocks.ToCanonical(C4) == 0;

    /// <summary>
    /// Reads five 8-byte little-endian limbs. Like the official <c>FromCanonicalLittleEndianBytes</c>, limbs are
    /// not range-checked (values ≥ p act mod p).
    /// </summary>
    /// <param name="bytes40">Exactly 40 bytes.</param>
    /// <returns>The element.</returns>
    public static Fp5 FromLittleEndianBytes(ReadOnlySpan<byte> bytes40)
    {
        if (bytes40.Length != ByteLength)
        {
            throw new LighterSigningException(
                $"A GF(p^5) element is {ByteLength} bytes, got {bytes40.Length}.", nameof(bytes40));
        }

        return new Fp5(
            BinaryPrimitives.ReadUInt64LittleEndian(bytes40),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes40[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes40[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes40[24..]),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes40[32..]));
    }

    /// <summary>Creates an element from five limbs (limb 0 first).</summary>
    /// <param name="limbs5">Exactly five limbs.</param>
    /// <returns>The element.</returns>
    public static Fp5 FromLimbs(ReadOnlySpan<ulong> limbs5)
    {
        if (limbs5.Length != 5)
        {
            throw new LighterSigningException($"A GF(p^5) element has 5 limbs, got {limbs5.Length}.", nameof(limbs5));
        }

        return new Fp5(limbs5[0], limbs5[1], limbs5[2], limbs5[3], limbs5[4]);
    }

    /// <summary>Writes the canonical 40-byte little-endian encoding (limb 0 first).</summary>
    /// <param name="dest40">At least 40 bytes.</param>
    public void WriteLittleEndianBytes(Span<byte> dest40)
    {
        if (dest40.Length < ByteLength)
        {
            throw new LighterSigningException($"Destination must hold {ByteLength} bytes.", nameof(dest40));
        }

        BinaryPrimitives.WriteUInt64LittleEndian(dest40, Goldilocks.ToCanonical(C0));
        BinaryPrimitives.WriteUInt64LittleEndian(dest40[8..], Goldilocks.ToCanonical(C1));
        BinaryPrimitives.WriteUInt64LittleEndian(dest40[16..], Goldilocks.ToCanonical(C2));
        BinaryPrimitives.WriteUInt64LittleEndian(dest40[24..], Goldilocks.ToCanonical(C3));
        BinaryPrimitives.WriteUInt64LittleEndian(dest40[32..], Goldilocks.ToCanonical(C4));
    }

    /// <summary>Copies the canonical limbs into <paramref name="dest5"/> (limb 0 first).</summary>
    /// <param name="dest5">At least five slots.</param>
    public void CopyCanonicalLimbsTo(Span<ulong> dest5)
    {
        dest5[4] = Goldilocks.ToCanonical(C4);
        dest5[0] = Goldilocks.ToCanonical(C0);
        dest5[1] = Goldilocks.ToCanonical(C1);
        dest5[2] = Goldilocks.ToCanonical(C2);
        dest5[3] = Goldilocks.ToCanonical(C3);
    }

    /// <summary>Returns the element with every limb canonical.</summary>
    /// <returns>The canonical form.</returns>
    public Fp5 ToCanonical() => new(
        Goldilocks.ToCanonical(C0), Goldilocks.ToCanonical(C1), Goldilocks.ToCanonical(C2),
        Goldilocks.ToCanonical(C3), Goldilocks.ToCanonical(C4));

    /// <summary>Canonical equality.</summary>
    /// <param name="other">The other element.</param>
    /// <returns>True if both denote the same field element.</returns>
    public bool Equals(Fp5 other) =>
        Goldilocks.ToCanonical(C0) == Goldilocks.ToCanonical(other.C0)
        && Goldilocks.ToCanonical(C1) == Goldilocks.ToCanonical(other.C1)
        && Goldilocks.ToCanonical(C2) == Goldilocks.ToCanonical(other.C2)
        && Goldilocks.ToCanonical(C3) == Goldilocks.ToCanonical(other.C3)
        && Goldilocks.ToCanonical(C4) == Goldilocks.ToCanonical(other.C4);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Fp5 other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(
        Goldilocks.ToCanonical(C0), Goldilocks.ToCanonical(C1), Goldilocks.ToCanonical(C2),
        Goldilocks.ToCanonical(C3), Goldilocks.ToCanonical(C4));

    /// <summary>The canonical limbs as decimal numbers, e.g. <c>[4, 0, 0, 0, 0]</c>.</summary>
    /// <returns>A readable form.</returns>
    public override string ToString()
    {
        var c = ToCanonical();
        return FormattableString.Invariant($"[{c.C0}, {c.C1}, {c.C2}, {c.C3}, {c.C4}]");
    }

    /// <summary>Canonical equality.</summary>
    /// <param name="left">Left operand.</param>
    /// <param name="right">Right operand.</param>
    /// <returns>True if equal.</returns>
    public static bool operator ==(Fp5 left, Fp5 right) => left.Equals(right);

    /// <summary>Canonical inequality.</summary>
    /// <param name="left">Left operand.</param>
    /// <param name="right">Right operand.</param>
    /// <returns>True if different.</returns>
    public static bool operator !=(Fp5 left, Fp5 right) => !left.Equals(right);

    /// <summary>Adds two elements.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>a + b.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp5 operator +(in Fp5 a, in Fp5 b) => new(
        Goldilocks.Add(a.C0, b.C0), Goldilocks.Add(a.C1, b.C1), Goldilocks.Add(a.C2, b.C2),
        Goldilocks.Add(a.C3, b.C3), Goldilocks.Add(a.C4, b.C4));

    /// <summary>Subtracts two elements.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>a - b.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp5 operator -(in Fp5 a, in Fp5 b) => new(
        Goldilocks.Sub(a.C0, b.C0), Goldilocks.Sub(a.C1, b.C1), Goldilocks.Sub(a.C2, b.C2),
        Goldilocks.Sub(a.C3, b.C3), Goldilocks.Sub(a.C4, b.C4));

    /// <summary>Negates an element.</summary>
    /// <param name="a">The operand.</param>
    /// <returns>-a.</returns>
    public static Fp5 operator -(in Fp5 a) => new(
        Goldilocks.Neg(a.C0), Goldilocks.Neg(a.C1), Goldilocks.Neg(a.C2), Goldilocks.Neg(a.C3), Goldilocks.Neg(a.C4));

    /// <summary>Multiplies two elements.</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>a · b.</returns>
    public static Fp5 operator *(in Fp5 a, in Fp5 b) => Mul(a, b);
}
