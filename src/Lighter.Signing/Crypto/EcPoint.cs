using System.Runtime.CompilerServices;

namespace Lighter.Signing.Crypto;

/// <summary>
/// A point of the ECgFp5 group (pornin's curve y² = x(x² + a·x + b) over GF(p^5), a = 2, b = 263·X, prime order
/// n, neutral N = (0, 0), group law P ⊕ Q = P + Q + N), in fractional (x, u) = (x, x/y) coordinates
/// x = X/Z, u = U/T. The formulas are complete and match the official ones exactly.
/// </summary>
internal readonly struct EcPoint
{
    private const uint B1 = 263;

    internal EcPoint(in Fp5 x, in Fp5 z, in Fp5 u, in Fp5 t)
    {
        X = x;
        Z = z;
        U = u;
        T = t;
    }

    /// <summary>The neutral element N = (0, 0): u = 0.</summary>
    internal static EcPoint Neutral => new(Fp5.Zero, Fp5.One, Fp5.Zero, Fp5.One);

    /// <summary>The conventional generator (encoding w = 4).</summary>
    internal static EcPoint Generator => new(
        new Fp5(12883135586176881569, 4356519642755055268, 5248930565894896907, 2165973894480315022,
            2448410071095648785),
        Fp5.One,
        Fp5.One,
        new Fp5(4, 0, 0, 0, 0));

    internal Fp5 X { get; }

    internal Fp5 Z { get; }

    internal Fp5 U { get; }

    internal Fp5 T { get; }

    internal bool IsNeutral => U.IsZero;

    /// <summary>The canonical encoding w = 1/u = T/U (neutral → 0).</summary>
    internal Fp5 Encode() => T * U.InverseOrZero();

    /// <summary>Group equality: u₁·t₂ == u₂·t₁ (u determines the group element).</summary>
    internal bool EqualsPoint(in EcPoint other) => U * other.T == other.U * T;

    /// <summary>
    /// Decodes w: x is the root of x² - (w² - a)·x + b = 0 that is not a square. Fails when the discriminant is
    /// not a square, except for w = 0 (the neutral).
    /// </summary>
    internal static bool TryDecode(in Fp5 w, out EcPoint point)
    {
        var e = w.Square() - new Fp5(2, 0, 0, 0, 0);
        var delta = e.Square() - new Fp5(0, 4 * B1, 0, 0, 0);
        if (!delta.TryCanonicalSqrt(out var r))
        {
            point = Neutral;
            return w.IsZero;
        }

        var x1 = (e + r).MulBase(HalfModP);
        var x2 = (e - r).MulBase(HalfModP);
        var x = x1.Legendre() == 1 ? x2 : x1;
        point = new EcPoint(x, Fp5.One, Fp5.One, w);
        return true;
    }

    // The point operations are never inlined: inside a caller's loop the JIT (with dynamic PGO) turns the field
    // operations' conditional folds into data-dependent branches instead of cmov, and they mispredict about half
    // the time (measured: a cold-key verification 30-40 µs slower). A call costs a few ns of a 300 ns operation.

    /// <summary>Complete addition (10M), the official formulas.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static EcPoint Add(in EcPoint p, in EcPoint q)
    {
        var t1 = p.X * q.X;
        var t2 = p.Z * q.Z;
        var t3 = p.U * q.U;
        var t4 = p.T * q.T;
        var t5 = ((p.X + p.Z) * (q.X + q.Z)) - (t1 + t2);
        var t6 = ((p.U + p.T) * (q.U + q.T)) - (t3 + t4);
        return Finish(t1, t2, t3, t4, t5, t6);
    }

    /// <summary>Mixed addition with an affine point (8M), the official formulas.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static EcPoint AddAffine(in EcPoint p, in AffinePoint q)
    {
        var t1 = p.X * q.X;
        var t2 = p.Z;
        var t3 = p.U * q.U;
        var t4 = p.T;
        var t5 = p.X + (q.X * p.Z);
        var t6 = p.U + (q.U * p.T);
        return Finish(t1, t2, t3, t4, t5, t6);
    }

    /// <summary>Doubling (4M + 5S), the official formulas.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal EcPoint Double()
    {
        var t1 = Z * T;
        var t2 = t1 * T;
        var x1 = t2.Square();
        var z1 = t1 * U;
        var t3 = U.Square();
        var w1 = t2 - (t3 * (X + Z).Double());
        var t4 = z1.Square();
        var z = w1.Square();
        return new EcPoint(
            t4.MulBySmallX(4 * B1),
            z,
            (w1 + z1).Square() - (t4 + z),
            x1.Double() - (t4.MulSmall(4) + z));
    }

    /// <summary>2^n·P by the official repeated-doubling formulas (n·(2M + 5S) + 2M + 1S).</summary>
    internal EcPoint MDouble(int n)
    {
        if (n <= 1)
        {
            return n == 0 ? this : Double();
        }

        MDoubleEnter(out var x, out var w, out var z);
        for (var i = 2; i < n; i++)
        {
            MDoubleStep(ref x, ref w, ref z);
        }

        return MDoubleLeave(x, w, z);
    }

    /// <summary>The first two doublings of <see cref="MDouble"/>, into its (x, w, z) working coordinates.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void MDoubleEnter(out Fp5 x, out Fp5 w, out Fp5 z)
    {
        var t1 = Z * T;
        var t2 = t1 * T;
        var x1 = t2.Square();
        var z1 = t1 * U;
        var t3 = U.Square();
        var w1 = t2 - ((X + Z).Double() * t3);
        var t4 = w1.Square();
        var t5 = z1.Square();
        x = t5.Square().MulBySmallX(16 * B1);
        w = x1.Double() - (t5.MulSmall(4) + t4);
        z = (w1 + z1).Square() - (t4 + t5);
    }

    /// <summary>The last doubling of <see cref="MDouble"/>, back to (x, u) coordinates.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static EcPoint MDoubleLeave(in Fp5 x, in Fp5 w, in Fp5 z)
    {
        var t1 = w.Square();
        var t2 = z.Square();
        var t3 = (w + z).Square() - (t1 + t2);
        var w1 = t1 - (x + t2).Double();
        var newZ = w1.Square();
        return new EcPoint(
            t3.Square().MulBySmallX(B1),
            newZ,
            t3 * w1,
            (t1.Double() * (t1 - t2.Double())) - newZ);
    }

    /// <summary>One inner doubling of <see cref="MDouble"/> (kept separate so the JIT inlines the field operations).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void MDoubleStep(ref Fp5 x, ref Fp5 w, ref Fp5 z)
    {
        var t1 = z.Square();
        var t2 = t1.Square();
        var t3 = w.Square();
        var t4 = t3.Square();
        var t5 = (w + z).Square() - (t1 + t3);
        z = t5 * ((x + t1).Double() - t3);
        x = (t2 * t4).MulBySmallX(16 * B1);
        w = -(t4 + t2.MulBySmallX(4 * B1) - t2.MulSmall(4)); // t2·(4b - 4) without a full product
    }

    /// <summary>The inverse element: (x, u) ↦ (x, -u).</summary>
    internal EcPoint Negate() => new(X, Z, -U, T);

    /// <summary>(X/Z, U/T); undefined for Z = 0 or T = 0, which complete formulas never produce.</summary>
    internal AffinePoint ToAffine()
    {
        var m = (Z * T).InverseOrZero();
        return new AffinePoint(X * T * m, U * Z * m);
    }

    /// <summary>Variable-time multiplication by a public scalar (signed 5-bit windows, affine window table).</summary>
    internal EcPoint Multiply(in Scalar s)
    {
        Span<AffinePoint> window = stackalloc AffinePoint[16];
        MakeWindow(this, window);
        return MultiplyVarTime(window, s);
    }

    /// <summary>
    /// s·P from window[i] = (i + 1)·P (window length 2^(w-1) for signed w-bit digits, w = 5, 6 or 7), variable
    /// time: for public scalars only.
    /// </summary>
    internal static EcPoint MultiplyVarTime(ReadOnlySpan<AffinePoint> window, in Scalar s)
    {
        var w = window.Length switch
        {
            16 => 5,
            32 => 6,
            64 => 7,
            _ => throw new ArgumentException("The window holds 16, 32 or 64 points.", nameof(window)),
        };
        Span<ulong> limbs = stackalloc ulong[5];
        s.CopyLimbsTo(limbs);
        Span<sbyte> digits = stackalloc sbyte[(320 + w - 1) / w];
        Scalar.RecodeSigned(limbs, digits, w);

        var acc = AffinePoint.LookupVarTime(window, digits[^1]).ToPoint();
        for (var i = digits.Length - 2; i >= 0; i--)
        {
            acc = acc.MDouble(w);
            if (digits[i] != 0)
            {
                acc = AddAffine(acc, AffinePoint.LookupVarTime(window, digits[i]));
            }
        }

        return acc;
    }

    /// <summary>window[i] = (i + 1)·P for i = 0..15, in affine form (one shared inversion).</summary>
    internal static void MakeWindow(in EcPoint p, Span<AffinePoint> window)
    {
        Span<EcPoint> points = stackalloc EcPoint[window.Length];
        points[0] = p;
        for (var i = 1; i < points.Length; i++)
        {
            points[i] = (i & 1) == 1 ? points[i >> 1].Double() : Add(points[i - 1], p);
        }

        AffinePoint.BatchFromProjective(points, window);
    }

    private static readonly ulong HalfModP = (Goldilocks.Modulus + 1) / 2;

    private static EcPoint Finish(in Fp5 t1, in Fp5 t2, in Fp5 t3, in Fp5 t4, in Fp5 t5, in Fp5 t6)
    {
        var t2b = t2.MulBySmallX(B1);
        var t7 = t1 + t2b;
        var t8 = t4 * t7;
        var t9 = t3 * (t5.MulBySmallX(2 * B1) + t7.Double());
        var t10 = (t4 + t3.Double()) * (t5 + t7);
        return new EcPoint((t10 - t8).MulBySmallX(B1), t8 - t9, t6 * (t2b - t1), t8 + t9);
    }
}
