namespace Lighter.Signing.Crypto;

/// <summary>
/// Fixed-base multiplication by the generator G: for each of the 64 signed base-32 digit positions i, a table of
/// j·32^i·G (j = 1..16) in affine form, so k·G costs 64 mixed additions and no doublings. The 1024 points
/// (80 KB) are computed once, on first use; the CLR's type initialisation makes that thread-safe.
/// </summary>
internal static class GeneratorTable
{
    private const int Digits = 64;
    private const int WindowSize = 16;

    private static readonly AffinePoint[] Table = Build();

    /// <summary>k·G with table reads that do not depend on k (for secret nonces and keys).</summary>
    internal static EcPoint Multiply(in Scalar k)
    {
        Span<ulong> limbs = stackalloc ulong[5];
        k.CopyLimbsTo(limbs);
        Span<sbyte> digits = stackalloc sbyte[Digits];
        Scalar.RecodeSigned5(limbs, digits);
        limbs.Clear();

        ReadOnlySpan<AffinePoint> table = Table;
        var acc = AffinePoint.LookupConstantTime(table[..WindowSize], digits[0]).ToPoint();
        for (var i = 1; i < Digits; i++)
        {
            acc = EcPoint.AddAffine(acc, AffinePoint.LookupConstantTime(table.Slice(i * WindowSize, WindowSize), digits[i]));
        }

        digits.Clear();
        return acc;
    }

    /// <summary>k·G for a public scalar (skips zero digits; used by verification).</summary>
    internal static EcPoint MultiplyVarTime(in Scalar k)
    {
        Span<ulong> limbs = stackalloc ulong[5];
        k.CopyLimbsTo(limbs);
        Span<sbyte> digits = stackalloc sbyte[Digits];
        Scalar.RecodeSigned5(limbs, digits);

        ReadOnlySpan<AffinePoint> table = Table;
        var acc = EcPoint.Neutral;
        for (var i = 0; i < Digits; i++)
        {
            if (digits[i] != 0)
            {
                acc = EcPoint.AddAffine(acc, AffinePoint.LookupVarTime(table.Slice(i * WindowSize, WindowSize), digits[i]));
            }
        }

        return acc;
    }

    private static AffinePoint[] Build()
    {
        var table = new AffinePoint[Digits * WindowSize];
        var basePoint = EcPoint.Generator;
        for (var i = 0; i < Digits; i++)
        {
            EcPoint.MakeWindow(basePoint, table.AsSpan(i * WindowSize, WindowSize));
            basePoint = basePoint.MDouble(5);
        }

        return table;
    }
}
