using System.Runtime.CompilerServices;

namespace Lighter.Signing.Crypto;

/// <content>Multiplication, squaring and the small helpers the curve formulas use.</content>
internal readonly partial struct Fp5
{
    /// <summary>Multiplies two elements (schoolbook, X^5 = 3, one reduction per output limb).</summary>
    /// <param name="a">Left operand.</param>
    /// <param name="b">Right operand.</param>
    /// <returns>a · b.</returns>
    public static Fp5 Mul(in Fp5 a, in Fp5 b)
    {
        var b1x3 = Triple(b.C1);
        var b2x3 = Triple(b.C2);
        var b3x3 = Triple(b.C3);
        var b4x3 = Triple(b.C4);
        return new Fp5(
            Dot5(a.C0, b.C0, a.C1, b4x3, a.C2, b3x3, a.C3, b2x3, a.C4, b1x3),
            Dot5(a.C0, b.C1, a.C1, b.C0, a.C2, b4x3, a.C3, b3x3, a.C4, b2x3),
            Dot5(a.C0, b.C2, a.C1, b.C1, a.C2, b.C0, a.C3, b4x3, a.C4, b3x3),
            Dot5(a.C0, b.C3, a.C1, b.C2, a.C2, b.C1, a.C3, b.C0, a.C4, b4x3),
            Dot5(a.C0, b.C4, a.C1, b.C3, a.C2, b.C2, a.C3, b.C1, a.C4, b.C0));
    }

    /// <summary>Squares an element (15 base products instead of 25).</summary>
    /// <returns>this².</returns>
    public Fp5 Square()
    {
        var a0x2 = Goldilocks.Add(C0, C0);
        var a1x2 = Goldilocks.Add(C1, C1);
        var a3x3 = Triple(C3);
        var a4x3 = Triple(C4);
        var a3x6 = Goldilocks.Add(a3x3, a3x3);
        var a4x6 = Goldilocks.Add(a4x3, a4x3);
        return new Fp5(
            Dot3(C0, C0, C1, a4x6, C2, a3x6),
            Dot3(C1, a0x2, C2, a4x6, C3, a3x3),
            Dot3(C2, a0x2, C1, C1, C3, a4x6),
            Dot3(C3, a0x2, C2, a1x2, C4, a4x3),
            Dot3(C4, a0x2, C3, a1x2, C2, C2));
    }

    /// <summary>Computes this^(2^n) by n squarings.</summary>
    /// <param name="n">Number of squarings.</param>
    /// <returns>The power.</returns>
    public Fp5 ExpPowerOf2(int n)
    {
        var x = this;
        for (var i = 0; i < n; i++)
        {
            x = x.Square();
        }

        return x;
    }

    /// <summary>Multiplies by a base-field element.</summary>
    /// <param name="k">The base-field factor.</param>
    /// <returns>k · this.</returns>
    public Fp5 MulBase(ulong k) => new(
        Goldilocks.Mul(C0, k), Goldilocks.Mul(C1, k), Goldilocks.Mul(C2, k), Goldilocks.Mul(C3, k),
        Goldilocks.Mul(C4, k));

    /// <summary>Doubles the element.</summary>
    /// <returns>2 · this.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp5 Double() => this + this;

    /// <summary>Multiplies by k·X for a small k (the curve constant b = 263·X and its multiples).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Fp5 MulBySmallX(uint k) =>
        new(MulSmall(C4, 3 * k), MulSmall(C0, k), MulSmall(C1, k), MulSmall(C2, k), MulSmall(C3, k));

    /// <summary>Multiplies by a small base-field constant.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Fp5 MulSmall(uint k) =>
        new(MulSmall(C0, k), MulSmall(C1, k), MulSmall(C2, k), MulSmall(C3, k), MulSmall(C4, k));

    /// <summary>x·k for k &lt; 2^32: the product has fewer than 96 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong MulSmall(ulong x, uint k)
    {
        var hi = Goldilocks.MulWide(x, k, out var lo);
        return Goldilocks.Reduce96(lo, hi);
    }

    /// <summary>3·x mod p: the exact 66-bit value 2x + x, folded once (cheaper than two modular additions).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Triple(ulong x)
    {
        var lo = unchecked((x << 1) + x);
        var hi = (x >> 63) + (lo < x ? 1UL : 0UL);
        return Goldilocks.Reduce96(lo, hi);
    }

    /// <summary>Σ aᵢ·bᵢ over five products, accumulated in 192 bits and reduced once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Dot5(
        ulong a0, ulong b0, ulong a1, ulong b1, ulong a2, ulong b2, ulong a3, ulong b3, ulong a4, ulong b4)
    {
        var hi = Goldilocks.MulWide(a0, b0, out var lo);
        ulong top = 0;
        Accumulate(ref lo, ref hi, ref top, a1, b1);
        Accumulate(ref lo, ref hi, ref top, a2, b2);
        Accumulate(ref lo, ref hi, ref top, a3, b3);
        Accumulate(ref lo, ref hi, ref top, a4, b4);
        return Reduce192(lo, hi, top);
    }

    /// <summary>Σ aᵢ·bᵢ over three products.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Dot3(ulong a0, ulong b0, ulong a1, ulong b1, ulong a2, ulong b2)
    {
        var hi = Goldilocks.MulWide(a0, b0, out var lo);
        ulong top = 0;
        Accumulate(ref lo, ref hi, ref top, a1, b1);
        Accumulate(ref lo, ref hi, ref top, a2, b2);
        return Reduce192(lo, hi, top);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate(ref ulong lo, ref ulong hi, ref ulong top, ulong a, ulong b)
    {
        var ph = Goldilocks.MulWide(a, b, out var pl);
        lo = unchecked(lo + pl);
        ph += lo < pl ? 1UL : 0UL; // ph ≤ 2^64 - 2, cannot overflow
        hi = unchecked(hi + ph);
        top += hi < ph ? 1UL : 0UL;
    }

    /// <summary>
    /// Reduces top·2^128 + hi·2^64 + lo in one step, for top &lt; 2^30 (a sum of at most five 128-bit products has
    /// top &lt; 8): with hi = hiHi·2^32 + hiLo, 2^128 ≡ -2^32 and 2^96 ≡ -1 give
    /// lo - (top·2^32 + hiHi) + hiLo·EPSILON, which <see cref="Goldilocks.Reduce128Plus"/> folds.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Reduce192(ulong lo, ulong hi, ulong top) =>
        Goldilocks.Reduce128Plus(lo, hi, top << 32);
}
