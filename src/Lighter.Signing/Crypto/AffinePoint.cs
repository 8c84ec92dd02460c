namespace Lighter.Signing.Crypto;

/// <summary>A group element in affine (x, u) coordinates (Z = T = 1); the neutral is (0, 0).</summary>
internal readonly struct AffinePoint
{
    internal AffinePoint(in Fp5 x, in Fp5 u)
    {
        X = x;
        U = u;
    }

    internal Fp5 X { get; }

    internal Fp5 U { get; }

    internal EcPoint ToPoint() => new(X, Fp5.One, U, Fp5.One);

    internal AffinePoint Negate() => new(X, -U);

    /// <summary>k·P from window[i] = (i + 1)·P, for -len ≤ k ≤ len (variable time: public scalars only).</summary>
    internal static AffinePoint LookupVarTime(ReadOnlySpan<AffinePoint> window, int k) => k switch
    {
        0 => default,
        > 0 => window[k - 1],
        _ => window[-k - 1].Negate(),
    };

    /// <summary>
    /// k·P from window[i] = (i + 1)·P, reading every entry and selecting with masks so the memory access pattern
    /// does not depend on the (secret) digit.
    /// </summary>
    internal static AffinePoint LookupConstantTime(ReadOnlySpan<AffinePoint> window, int k)
    {
        var sign = (uint)(k >> 31); // all ones if negative
        var magnitude = (uint)((k ^ (int)sign) - (int)sign);
        ulong x0 = 0, x1 = 0, x2 = 0, x3 = 0, x4 = 0, u0 = 0, u1 = 0, u2 = 0, u3 = 0, u4 = 0;
        for (var i = 0; i < window.Length; i++)
        {
            var diff = magnitude ^ (uint)(i + 1);
            var mask = (ulong)((long)(((diff | (0u - diff)) >> 31) ^ 1) * -1L); // all ones iff diff == 0
            ref readonly var e = ref window[i];
            x0 |= e.X.C0 & mask;
            x1 |= e.X.C1 & mask;
            x2 |= e.X.C2 & mask;
            x3 |= e.X.C3 & mask;
            x4 |= e.X.C4 & mask;
            u0 |= e.U.C0 & mask;
            u1 |= e.U.C1 & mask;
            u2 |= e.U.C2 & mask;
            u3 |= e.U.C3 & mask;
            u4 |= e.U.C4 & mask;
        }

        var u = new Fp5(u0, u1, u2, u3, u4);
        var negU = -u;
        var signMask = (ulong)(long)(int)sign;
        return new AffinePoint(
            new Fp5(x0, x1, x2, x3, x4),
            new Fp5(
                Choose(signMask, negU.C0, u0), Choose(signMask, negU.C1, u1), Choose(signMask, negU.C2, u2),
                Choose(signMask, negU.C3, u3), Choose(signMask, negU.C4, u4)));
    }

    /// <summary>Converts many projective points with one inversion (Montgomery's trick).</summary>
    internal static void BatchFromProjective(ReadOnlySpan<EcPoint> source, Span<AffinePoint> destination)
    {
        // prefix[i] = Π_{j<i} (Z_j·T_j).
        var n = source.Length;
        var prefix = n < 32 ? stackalloc Fp5[n + 1] : new Fp5[n + 1];
        prefix[0] = Fp5.One;
        for (var i = 0; i < n; i++)
        {
            prefix[i + 1] = prefix[i] * (source[i].Z * source[i].T);
        }

        var inv = prefix[n].InverseOrZero();
        for (var i = n - 1; i >= 0; i--)
        {
            ref readonly var p = ref source[i];
            var m = inv * prefix[i]; // 1 / (Z_i·T_i)
            inv *= p.Z * p.T;
            destination[i] = new AffinePoint(p.X * p.T * m, p.U * p.Z * m);
        }
    }

    private static ulong Choose(ulong mask, ulong ifSet, ulong ifClear) => (ifSet & mask) | (ifClear & ~mask);
}
