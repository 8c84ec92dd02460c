using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Lighter.Signing.Crypto;

/// <summary>
/// Arithmetic in the Goldilocks prime field GF(p), p = 2^64 - 2^32 + 1, on raw <see cref="ulong"/> values.
/// </summary>
/// <remarks>
/// As in the official code, any <see cref="ulong"/> is a valid (possibly non-canonical) element denoting its value
/// mod p: every operation accepts such inputs and may return a non-canonical result. Use
/// <see cref="ToCanonical"/> before comparing or serialising.
/// </remarks>
internal static class Goldilocks
{
    /// <summary>The field modulus p = 2^64 - 2^32 + 1.</summary>
    public const ulong Modulus = 0xFFFF_FFFF_0000_0001UL;

    /// <summary>2^64 mod p = 2^32 - 1: the value that folds a carry out of 64 bits back into the field.</summary>
    internal const ulong Epsilon = 0xFFFF_FFFFUL;

    /// <summary>A generator of the 2^32-order subgroup (as in Plonky2), used by Tonelli-Shanks.</summary>
    private const ulong PowerOfTwoGenerator = 7277203076849721926UL;

    private const int TwoAdicity = 32;

    /// <summary>
    /// Converts a signed integer exactly as the official Go code does: the two's-complement bits are reinterpreted
    /// as an unsigned 64-bit value and reduced by one conditional subtraction (so -1 maps to 2^32 - 2, not p - 1).
    /// </summary>
    /// <param name="value">The signed value.</param>
    /// <returns>The canonical field element.</returns>
    public static ulong FromInt64(long value) => ToCanonical(unchecked((ulong)value));

    /// <summary>Reduces a raw value to its canonical representative in [0, p).</summary>
    /// <param name="value">Any 64-bit value.</param>
    /// <returns>The canonical element.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ToCanonical(ulong value) => value >= Modulus ? value - Modulus : value;

    /// <summary>Adds two elements (inputs may be non-canonical; the result may be non-canonical).</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>a + b mod p.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Add(ulong a, ulong b)
    {
        var sum = unchecked(a + b);
        var fold = sum < a ? Epsilon : 0UL;
        var sum2 = unchecked(sum + fold);
        // A second wrap leaves sum2 < EPSILON, so adding EPSILON again cannot overflow.
        return sum2 < fold ? sum2 + Epsilon : sum2;
    }

    /// <summary>Subtracts two elements (inputs may be non-canonical; the result may be non-canonical).</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>a - b mod p.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Sub(ulong a, ulong b)
    {
        var diff = unchecked(a - b);
        var fold = a < b ? Epsilon : 0UL;
        var diff2 = unchecked(diff - fold);
        return diff < fold ? diff2 - Epsilon : diff2;
    }

    /// <summary>Multiplies two elements (inputs may be non-canonical; the result may be non-canonical).</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>a · b mod p.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mul(ulong a, ulong b)
    {
        var hi = MulWide(a, b, out var lo);
        return Reduce128(lo, hi);
    }

    /// <summary>
    /// The 128-bit product a·b. On x64 the high half comes from <c>mulx</c>'s register-only form and the low half
    /// from an ordinary multiply: <see cref="Math.BigMul(ulong, ulong, out ulong)"/> returns the low half through
    /// memory, which costs a store and a reload per product.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong MulWide(ulong a, ulong b, out ulong lo)
    {
        if (Bmi2.X64.IsSupported)
        {
            lo = unchecked(a * b);
            return Bmi2.X64.MultiplyNoFlags(a, b);
        }

        return Math.BigMul(a, b, out lo);
    }

    /// <summary>Negates an element.</summary>
    /// <param name="a">The element.</param>
    /// <returns>The canonical -a mod p.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Neg(ulong a)
    {
        var c = ToCanonical(a);
        return c == 0 ? 0 : Modulus - c;
    }

    /// <summary>Squares an element.</summary>
    /// <param name="a">The element.</param>
    /// <returns>a² mod p.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Square(ulong a) => Mul(a, a);

    /// <summary>Reduces the 128-bit value hi·2^64 + lo modulo p (result may be non-canonical).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Reduce128(ulong lo, ulong hi) => Reduce128Plus(lo, hi, 0);

    /// <summary>
    /// (lo - (hiHi + <paramref name="shiftedTop"/>) + hiLo·EPSILON) mod p for hi = hiHi·2^32 + hiLo: the reduction
    /// of hi·2^64 + lo less <paramref name="shiftedTop"/>, a multiple of 2^32 below 2^62 (top·2^32 for the
    /// 2^128 ≡ -2^32 part of a 192-bit sum), folded in the same step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Reduce128Plus(ulong lo, ulong hi, ulong shiftedTop)
    {
        // hi·2^64 = hiHi·2^96 + hiLo·2^64 ≡ -hiHi + hiLo·EPSILON (2^96 ≡ -1, 2^64 ≡ EPSILON).
        var sub = (hi >> 32) | shiftedTop;
        var t0 = unchecked(lo - sub);
        if (lo < sub)
        {
            t0 -= Epsilon; // cannot underflow: t0 ≥ 2^64 - 2^62 here
        }

        var t1 = (hi & Epsilon) * Epsilon;
        var t2 = unchecked(t0 + t1);
        return t2 < t1 ? t2 + Epsilon : t2; // cannot overflow again (t1 ≤ 2^64 - 2^33 + 1)
    }

    /// <summary>Reduces hi·2^64 + lo for hi &lt; 2^32 (a 96-bit value).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Reduce96(ulong lo, ulong hi)
    {
        var t1 = hi * Epsilon;
        var sum = unchecked(lo + t1);
        return sum < t1 ? sum + Epsilon : sum;
    }

    /// <summary><see cref="Add"/> without data-dependent branches (for loops, where the JIT does not use cmov).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong AddBranchFree(ulong a, ulong b)
    {
        var sum = unchecked(a + b);
        var sum2 = unchecked(sum + CarryFold(a, b, sum));
        return sum2 < sum ? sum2 + Epsilon : sum2; // second wrap: only when both inputs are near 2^64
    }

    /// <summary><see cref="Mul"/> without data-dependent branches (for loops).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong MulBranchFree(ulong a, ulong b)
    {
        var hi = MulWide(a, b, out var lo);
        return Reduce128BranchFree(lo, hi);
    }

    /// <summary><see cref="Reduce128"/> without data-dependent branches (for loops).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Reduce128BranchFree(ulong lo, ulong hi)
    {
        var hiHi = hi >> 32;
        var t0 = unchecked(lo - hiHi);
        if (lo < hiHi)
        {
            t0 -= Epsilon; // rare (lo < 2^32): predictable
        }

        var t1 = (hi & Epsilon) * Epsilon;
        var t2 = unchecked(t0 + t1);
        return unchecked(t2 + CarryFold(t0, t1, t2));
    }

    /// <summary>lo + hi·2^32 mod p for lo, hi &lt; 2^38 (using 2^64 ≡ EPSILON), branch-free.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Recombine32(ulong lo, ulong hi)
    {
        var shifted = (hi & Epsilon) << 32;
        var small = lo + ((hi >> 32) * Epsilon); // < 2^39
        var sum = unchecked(shifted + small);
        return unchecked(sum + CarryFold(shifted, small, sum));
    }

    /// <summary>
    /// EPSILON if <paramref name="sum"/> = a + b wrapped past 2^64, else 0, computed from the sign bits: a
    /// replacement for <c>sum &lt; a ? EPSILON : 0</c>, which the JIT compiles to an unpredictable branch inside
    /// loops (outside loops it emits cmov, which is cheaper, so the plain operations keep the comparison).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong CarryFold(ulong a, ulong b, ulong sum) =>
        (0UL - (((a & b) | ((a | b) & ~sum)) >> 63)) >> 32;

    /// <summary>Computes a^(2^n) by n squarings.</summary>
    internal static ulong ExpPowerOf2(ulong a, int n)
    {
        for (var i = 0; i < n; i++)
        {
            a = Mul(a, a);
        }

        return a;
    }

    /// <summary>Computes a^e by square-and-multiply (not constant time; used on public values only).</summary>
    internal static ulong Pow(ulong a, ulong e)
    {
        ulong result = 1;
        while (e != 0)
        {
            if ((e & 1) != 0)
            {
                result = Mul(result, a);
            }

            a = Mul(a, a);
            e >>= 1;
        }

        return result;
    }

    /// <summary>Multiplicative inverse, 0 for 0 (a^(p-2) through a short addition chain).</summary>
    internal static ulong InverseOrZero(ulong a)
    {
        var t2 = Mul(Mul(a, a), a);
        var t3 = Mul(Mul(t2, t2), a);
        var t6 = Mul(ExpPowerOf2(t3, 3), t3);
        var t12 = Mul(ExpPowerOf2(t6, 6), t6);
        var t24 = Mul(ExpPowerOf2(t12, 12), t12);
        var t30 = Mul(ExpPowerOf2(t24, 6), t6);
        var t31 = Mul(Mul(t30, t30), a);
        var t63 = Mul(ExpPowerOf2(t31, 32), t31);
        return ToCanonical(Mul(Mul(t63, t63), a));
    }

    /// <summary>Legendre symbol as a canonical field value: 1 (square), p - 1 (non-square) or 0.</summary>
    internal static ulong Legendre(ulong a) => ToCanonical(Pow(a, (Modulus - 1) >> 1));

    /// <summary>Square root by Tonelli-Shanks (the same root the official code picks); false if none.</summary>
    internal static bool TrySqrt(ulong a, out ulong root)
    {
        a = ToCanonical(a);
        root = 0;
        if (a == 0)
        {
            return true;
        }

        if (Legendre(a) != 1)
        {
            return false;
        }

        const ulong t = (Modulus - 1) >> TwoAdicity;
        var z = PowerOfTwoGenerator;
        var w = Pow(a, (t - 1) / 2);
        var x = Mul(a, w);
        var b = Mul(x, w);
        var v = TwoAdicity;
        while (ToCanonical(b) != 1)
        {
            var k = 0;
            var b2k = b;
            while (ToCanonical(b2k) != 1)
            {
                b2k = Mul(b2k, b2k);
                k++;
            }

            w = ExpPowerOf2(z, v - k - 1);
            z = Mul(w, w);
            b = Mul(b, z);
            x = Mul(x, w);
            v = k;
        }

        root = ToCanonical(x);
        return true;
    }
}
