namespace Lighter.Signing.Crypto;

/// <content>Frobenius, inversion, Legendre symbol and square roots (the official algorithms).</content>
internal readonly partial struct Fp5
{
    /// <summary>g = 3^((p-1)/5), a primitive fifth root of unity: Frobenius multiplies limb i by g^i.</summary>
    private const ulong DthRoot = 1041288259238279555UL;

    private static readonly ulong G1 = DthRoot;
    private static readonly ulong G2 = Goldilocks.ToCanonical(Goldilocks.Mul(G1, G1));
    private static readonly ulong G3 = Goldilocks.ToCanonical(Goldilocks.Mul(G2, G1));
    private static readonly ulong G4 = Goldilocks.ToCanonical(Goldilocks.Mul(G3, G1));
    private static readonly ulong G6 = Goldilocks.ToCanonical(Goldilocks.Mul(G3, G3));
    private static readonly ulong G8 = Goldilocks.ToCanonical(Goldilocks.Mul(G4, G4));

    /// <summary>The Frobenius map x ↦ x^p.</summary>
    /// <returns>this^p.</returns>
    public Fp5 Frobenius() => new(
        C0, Goldilocks.Mul(C1, G1), Goldilocks.Mul(C2, G2), Goldilocks.Mul(C3, G3), Goldilocks.Mul(C4, G4));

    /// <summary>The Frobenius map applied <paramref name="count"/> times: x ↦ x^(p^count).</summary>
    /// <param name="count">How many times (taken mod 5).</param>
    /// <returns>this^(p^count).</returns>
    public Fp5 RepeatedFrobenius(int count)
    {
        count %= 5;
        if (count == 2)
        {
            return Frobenius2();
        }

        var x = this;
        for (var i = 0; i < count; i++)
        {
            x = x.Frobenius();
        }

        return x;
    }

    /// <summary>Multiplicative inverse; zero maps to zero (as the official <c>InverseOrZero</c>).</summary>
    /// <returns>1 / this, or zero.</returns>
    public Fp5 InverseOrZero()
    {
        // this^(r-1) with r = 1 + p + ... + p^4 via Frobenius; this^r is the norm, which lies in GF(p).
        var d = Frobenius();
        var e = d * d.Frobenius();
        var f = e * e.Frobenius2();
        var norm = NormLimb(this, f);
        return f.MulBase(Goldilocks.InverseOrZero(norm));
    }

    /// <summary>
    /// Legendre symbol as a canonical base-field value: 1 for a non-zero square, p - 1 for a non-square, 0 for 0.
    /// </summary>
    /// <returns>The symbol.</returns>
    public ulong Legendre()
    {
        var frob1 = Frobenius();
        var frob2 = frob1.Frobenius();
        var f12 = frob1 * frob2;
        var f1234 = f12 * f12.Frobenius2();
        return Goldilocks.Legendre(NormLimb(this, f1234));
    }

    /// <summary><c>Sgn0</c> as the official code implements it: the canonical limb 0 is even.</summary>
    /// <returns>The sign bit.</returns>
    public bool Sgn0() => (Goldilocks.ToCanonical(C0) & 1) == 0;

    /// <summary>Square root, the same root the official <c>Sqrt</c> returns.</summary>
    /// <param name="root">The root, or zero if none exists.</param>
    /// <returns>False if the element is not a square.</returns>
    public bool TrySqrt(out Fp5 root)
    {
        // With t = this^((r-1)/2): this·t² = this^r ∈ GF(p), and sqrt(this) = sqrt(this^r) / t.
        var v = ExpPowerOf2(31);
        var d = this * v.ExpPowerOf2(32) * v.InverseOrZero(); // this^((p+1)/2)
        var t = (d * d.Frobenius2()).Frobenius();
        var norm = NormLimb(this, t.Square());
        if (!Goldilocks.TrySqrt(norm, out var s))
        {
            root = Zero;
            return false;
        }

        root = t.InverseOrZero().MulBase(s);
        return true;
    }

    /// <summary>Square root normalised with <see cref="Sgn0"/> (negated when Sgn0 is set), as the official code.</summary>
    /// <param name="root">The root, or zero if none exists.</param>
    /// <returns>False if the element is not a square.</returns>
    public bool TryCanonicalSqrt(out Fp5 root)
    {
        if (!TrySqrt(out root))
        {
            return false;
        }

        if (root.Sgn0())
        {
            root = -root;
        }

        return true;
    }

    /// <summary>x ↦ x^(p²).</summary>
    internal Fp5 Frobenius2() => new(
        C0, Goldilocks.Mul(C1, G2), Goldilocks.Mul(C2, G4), Goldilocks.Mul(C3, G6), Goldilocks.Mul(C4, G8));

    /// <summary>Limb 0 of a·b, for products known to lie in the base field.</summary>
    private static ulong NormLimb(in Fp5 a, in Fp5 b)
    {
        var cross = Goldilocks.Add(
            Goldilocks.Add(Goldilocks.Mul(a.C1, b.C4), Goldilocks.Mul(a.C2, b.C3)),
            Goldilocks.Add(Goldilocks.Mul(a.C3, b.C2), Goldilocks.Mul(a.C4, b.C1)));
        return Goldilocks.Add(Goldilocks.Mul(a.C0, b.C0), Triple(cross));
    }
}
