using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Lighter.Signing.Crypto;

/// <summary>
/// An integer modulo the prime group order n ≈ 2^319 of ECgFp5, as five little-endian 64-bit limbs, always
/// canonical (&lt; n). Multiplication uses Montgomery reduction; values are kept in normal form.
/// </summary>
internal readonly struct Scalar : IEquatable<Scalar>
{
    /// <summary>Byte length of the little-endian encoding.</summary>
    internal const int ByteLength = 40;

    // n = 1067993516717146951041484916571792702745057740581727230159139685185762082554198619328292418486241
    internal const ulong N0 = 0xE80FD996948BFFE1UL;
    internal const ulong N1 = 0xE8885C39D724A09CUL;
    internal const ulong N2 = 0x7FFFFFE6CFB80639UL;
    internal const ulong N3 = 0x7FFFFFF100000016UL;
    internal const ulong N4 = 0x7FFFFFFD80000007UL;

    /// <summary>-1/n mod 2^64, by Newton iteration (each step doubles the number of correct low bits).</summary>
    private static readonly ulong N0Inv = ComputeN0Inv();

    /// <summary>2^640 mod n: Montgomery-multiplying by it converts to normal form after a Montgomery product.</summary>
    private static readonly Scalar R2 = ComputeR2();

    internal Scalar(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
        L4 = l4;
    }

    internal static Scalar Zero => default;

    internal static Scalar One => new(1, 0, 0, 0, 0);

    internal ulong L0 { get; }

    internal ulong L1 { get; }

    internal ulong L2 { get; }

    internal ulong L3 { get; }

    internal ulong L4 { get; }

    internal bool IsZero => (L0 | L1 | L2 | L3 | L4) == 0;

    /// <summary>Reduces any 320-bit value mod n (2n &lt; 2^320 &lt; 3n, so two conditional subtractions).</summary>
    internal static Scalar FromLimbsReduced(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4)
    {
        var x = new Scalar(l0, l1, l2, l3, l4);
        x = x.SubtractNIfNotBelow();
        return x.SubtractNIfNotBelow();
    }

    /// <summary>Reads 40 little-endian bytes and reduces mod n, as <c>ScalarElementFromLittleEndianBytes</c>.</summary>
    internal static Scalar FromLittleEndianBytesReduced(ReadOnlySpan<byte> bytes40) => FromLimbsReduced(
        BinaryPrimitives.ReadUInt64LittleEndian(bytes40),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes40[8..]),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes40[16..]),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes40[24..]),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes40[32..]));

    /// <summary>Reads 40 little-endian bytes; false (and zero) if the value is not below n.</summary>
    internal static bool TryFromCanonicalBytes(ReadOnlySpan<byte> bytes40, out Scalar scalar)
    {
        var raw = new Scalar(
            BinaryPrimitives.ReadUInt64LittleEndian(bytes40),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes40[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes40[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes40[24..]),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes40[32..]));
        var below = SubRaw(raw, new Scalar(N0, N1, N2, N3, N4), out _) != 0;
        scalar = below ? raw : Zero;
        return below;
    }

    /// <summary>The official <c>FromGfp5</c>: Σ canonical(eᵢ)·2^(64i) reduced mod n.</summary>
    internal static Scalar FromFp5(in Fp5 e) => FromLimbsReduced(
        Goldilocks.ToCanonical(e.C0), Goldilocks.ToCanonical(e.C1), Goldilocks.ToCanonical(e.C2),
        Goldilocks.ToCanonical(e.C3), Goldilocks.ToCanonical(e.C4));

    /// <summary>Reduces a 512-bit little-endian value mod n (bias 2^-190): lo + hi·2^320 ≡ lo + MontMul(hi, R²).</summary>
    internal static Scalar FromWideBytes(ReadOnlySpan<byte> bytes64)
    {
        var lo = FromLittleEndianBytesReduced(bytes64[..ByteLength]);
        var hi = new Scalar(
            BinaryPrimitives.ReadUInt64LittleEndian(bytes64[40..]),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes64[48..]),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes64[56..]),
            0,
            0);
        return lo + MontgomeryMul(hi, R2);
    }

    internal void WriteLittleEndianBytes(Span<byte> dest40)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(dest40, L0);
        BinaryPrimitives.WriteUInt64LittleEndian(dest40[8..], L1);
        BinaryPrimitives.WriteUInt64LittleEndian(dest40[16..], L2);
        BinaryPrimitives.WriteUInt64LittleEndian(dest40[24..], L3);
        BinaryPrimitives.WriteUInt64LittleEndian(dest40[32..], L4);
    }

    public static Scalar operator +(in Scalar a, in Scalar b)
    {
        // a, b < n < 2^319, so the raw sum fits in 320 bits.
        AddRaw(a, b, out var sum);
        return sum.SubtractNIfNotBelow();
    }

    public static Scalar operator -(in Scalar a, in Scalar b)
    {
        var borrow = SubRaw(a, b, out var diff);
        AddRaw(diff, new Scalar(N0 & borrow, N1 & borrow, N2 & borrow, N3 & borrow, N4 & borrow), out var result);
        return result;
    }

    public static Scalar operator *(in Scalar a, in Scalar b) => MontgomeryMul(MontgomeryMul(a, b), R2);

    public static bool operator ==(in Scalar a, in Scalar b) => a.Equals(b);

    public static bool operator !=(in Scalar a, in Scalar b) => !a.Equals(b);

    public bool Equals(Scalar other) =>
        ((L0 ^ other.L0) | (L1 ^ other.L1) | (L2 ^ other.L2) | (L3 ^ other.L3) | (L4 ^ other.L4)) == 0;

    public override bool Equals(object? obj) => obj is Scalar other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(L0, L1, L2, L3, L4);

    /// <summary>Raw 320-bit addition; returns the carry out (0 or 1).</summary>
    internal static ulong AddRaw(in Scalar a, in Scalar b, out Scalar sum)
    {
        ulong carry = 0;
        var s0 = AddWithCarry(a.L0, b.L0, ref carry);
        var s1 = AddWithCarry(a.L1, b.L1, ref carry);
        var s2 = AddWithCarry(a.L2, b.L2, ref carry);
        var s3 = AddWithCarry(a.L3, b.L3, ref carry);
        var s4 = AddWithCarry(a.L4, b.L4, ref carry);
        sum = new Scalar(s0, s1, s2, s3, s4);
        return carry;
    }

    /// <summary>Raw 320-bit subtraction; returns an all-ones mask on borrow, else 0.</summary>
    internal static ulong SubRaw(in Scalar a, in Scalar b, out Scalar diff)
    {
        ulong borrow = 0;
        var d0 = SubWithBorrow(a.L0, b.L0, ref borrow);
        var d1 = SubWithBorrow(a.L1, b.L1, ref borrow);
        var d2 = SubWithBorrow(a.L2, b.L2, ref borrow);
        var d3 = SubWithBorrow(a.L3, b.L3, ref borrow);
        var d4 = SubWithBorrow(a.L4, b.L4, ref borrow);
        diff = new Scalar(d0, d1, d2, d3, d4);
        return 0UL - borrow;
    }

    /// <summary>Montgomery product a·b/2^320 mod n (CIOS), for a &lt; n and any 320-bit b.</summary>
    internal static Scalar MontgomeryMul(in Scalar a, in Scalar b)
    {
        Span<ulong> t = stackalloc ulong[7];
        t.Clear();
        ReadOnlySpan<ulong> bl = [b.L0, b.L1, b.L2, b.L3, b.L4];
        ReadOnlySpan<ulong> al = [a.L0, a.L1, a.L2, a.L3, a.L4];
        ReadOnlySpan<ulong> nl = [N0, N1, N2, N3, N4];
        for (var i = 0; i < 5; i++)
        {
            ulong carry = 0;
            for (var j = 0; j < 5; j++)
            {
                var acc = ((UInt128)al[j] * bl[i]) + t[j] + carry;
                t[j] = (ulong)acc;
                carry = (ulong)(acc >> 64);
            }

            var top = (UInt128)t[5] + carry;
            t[5] = (ulong)top;
            t[6] = (ulong)(top >> 64);

            var m = unchecked(t[0] * N0Inv);
            carry = (ulong)((((UInt128)m * nl[0]) + t[0]) >> 64);
            for (var j = 1; j < 5; j++)
            {
                var acc = ((UInt128)m * nl[j]) + t[j] + carry;
                t[j - 1] = (ulong)acc;
                carry = (ulong)(acc >> 64);
            }

            var last = (UInt128)t[5] + carry;
            t[4] = (ulong)last;
            t[5] = t[6] + (ulong)(last >> 64);
        }

        // The result is below 2n < 2^320 (t[5] == 0): one conditional subtraction.
        return new Scalar(t[0], t[1], t[2], t[3], t[4]).SubtractNIfNotBelow();
    }

    /// <summary>
    /// Signed base-2^w digits dᵢ ∈ [-2^(w-1) + 1, 2^(w-1)] with Σ dᵢ·2^(w·i) = the value of <paramref name="limbs"/>
    /// (when enough digits are requested), computed without secret-dependent branches (2 ≤ w ≤ 7).
    /// </summary>
    internal static void RecodeSigned(ReadOnlySpan<ulong> limbs, Span<sbyte> digits, int w)
    {
        var mask = (1u << w) - 1;
        var half = 1u << (w - 1);
        uint carry = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var bit = i * w;
            var limb = bit >> 6;
            var shift = bit & 63;
            ulong chunk = limb < limbs.Length ? limbs[limb] >> shift : 0;
            if (shift > 64 - w && limb + 1 < limbs.Length)
            {
                chunk |= limbs[limb + 1] << (64 - shift);
            }

            var bb = ((uint)chunk & mask) + carry;
            carry = (half - bb) >> 31; // 1 iff bb > 2^(w-1)
            digits[i] = (sbyte)((int)bb - (int)(carry << w));
        }
    }

    /// <summary>Bits [start, start + count) of little-endian limbs (count ≤ 64; bits past the end read as 0).</summary>
    internal static ulong ReadBits(ReadOnlySpan<ulong> limbs, int start, int count)
    {
        var limb = start >> 6;
        var shift = start & 63;
        var value = limb < limbs.Length ? limbs[limb] >> shift : 0;
        if (shift != 0 && limb + 1 < limbs.Length)
        {
            value |= limbs[limb + 1] << (64 - shift);
        }

        return count == 64 ? value : value & ((1UL << count) - 1);
    }

    internal void CopyLimbsTo(Span<ulong> dest5)
    {
        dest5[4] = L4;
        dest5[0] = L0;
        dest5[1] = L1;
        dest5[2] = L2;
        dest5[3] = L3;
    }

    private Scalar SubtractNIfNotBelow()
    {
        var borrow = SubRaw(this, new Scalar(N0, N1, N2, N3, N4), out var diff);
        return new Scalar(
            Select(borrow, L0, diff.L0), Select(borrow, L1, diff.L1), Select(borrow, L2, diff.L2),
            Select(borrow, L3, diff.L3), Select(borrow, L4, diff.L4));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Select(ulong mask, ulong ifSet, ulong ifClear) => (ifSet & mask) | (ifClear & ~mask);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong AddWithCarry(ulong a, ulong b, ref ulong carry)
    {
        var s = unchecked(a + b);
        var c1 = s < a ? 1UL : 0UL;
        var r = unchecked(s + carry);
        carry = c1 | (r < s ? 1UL : 0UL);
        return r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SubWithBorrow(ulong a, ulong b, ref ulong borrow)
    {
        var d = unchecked(a - b);
        var b1 = a < b ? 1UL : 0UL;
        var r = unchecked(d - borrow);
        borrow = b1 | (d < borrow ? 1UL : 0UL);
        return r;
    }

    private static ulong ComputeN0Inv()
    {
        var inv = N0; // correct to 3 bits for odd N0 (x·x ≡ 1 mod 8)
        for (var i = 0; i < 5; i++)
        {
            inv = unchecked(inv * (2 - (N0 * inv)));
        }

        return unchecked(0UL - inv);
    }

    private static Scalar ComputeR2()
    {
        // Start from 1 and double 640 times mod n.
        var x = One;
        for (var i = 0; i < 640; i++)
        {
            x += x;
        }

        return x;
    }
}
