namespace Lighter.Signing.Crypto;

/// <summary>
/// Width-w non-adjacent form (wNAF) of public scalars and the interleaved (Straus) product a·P + b·Q over tables
/// of odd multiples. A wNAF digit is zero or odd with |d| &lt; 2^(w-1), and any two non-zero digits are at least w
/// positions apart, so a 320-bit scalar costs about 320/(w+1) additions and a table of only 2^(w-2) points.
/// Variable time: for public values (verification) only.
/// </summary>
internal static class Wnaf
{
    /// <summary>Digits needed for any scalar below 2^320 (the recoding may carry one position past the top bit).</summary>
    internal const int MaxDigits = 321;

    /// <summary>
    /// Writes the width-<paramref name="w"/> NAF of <paramref name="k"/> into <paramref name="digits"/>
    /// (Σ dᵢ·2^i = k) and returns the number of digits up to the highest non-zero one (0 for k = 0).
    /// </summary>
    /// <param name="k">The public scalar.</param>
    /// <param name="w">The width, 2 to 12.</param>
    /// <param name="digits">At least <see cref="MaxDigits"/> digits; cleared first.</param>
    internal static int Recode(in Scalar k, int w, Span<short> digits)
    {
        Span<ulong> limbs = stackalloc ulong[5];
        k.CopyLimbsTo(limbs);
        digits[..MaxDigits].Clear();
        var length = 0;
        var carry = 0u;
        for (var bit = 0; bit < MaxDigits;)
        {
            // A run of bits equal to the carry adds nothing: 0 + 0, or 1 + 1 carrying on.
            if ((uint)Scalar.ReadBits(limbs, bit, 1) == carry)
            {
                bit++;
                continue;
            }

            var width = Math.Min(w, MaxDigits - bit);
            var word = (int)Scalar.ReadBits(limbs, bit, width) + (int)carry; // odd
            carry = (uint)(word >> (w - 1)) & 1;
            digits[bit] = (short)(word - (int)(carry << w));
            length = bit + 1;
            bit += width;
        }

        return length;
    }

    /// <summary>table[i] = (2i + 1)·P in affine form (one shared inversion).</summary>
    internal static void MakeOddMultiples(in EcPoint p, Span<AffinePoint> table)
    {
        Span<EcPoint> points = table.Length <= 16 ? stackalloc EcPoint[table.Length] : new EcPoint[table.Length];
        var twice = p.Double();
        points[0] = p;
        for (var i = 1; i < points.Length; i++)
        {
            points[i] = EcPoint.Add(points[i - 1], twice);
        }

        AffinePoint.BatchFromProjective(points, table);
    }

    /// <summary>d·P for an odd digit d from table[i] = (2i + 1)·P.</summary>
    internal static AffinePoint Lookup(ReadOnlySpan<AffinePoint> table, int digit) =>
        digit > 0 ? table[digit >> 1] : table[-digit >> 1].Negate();

    /// <summary>
    /// a·P + b·Q from the wNAF digits of a and b and the odd-multiple tables of P and Q, sharing one chain of
    /// doublings between the two (consecutive doublings go through <see cref="EcPoint.MDouble"/>).
    /// </summary>
    internal static EcPoint Sum(
        ReadOnlySpan<AffinePoint> tableP, ReadOnlySpan<short> digitsA, ReadOnlySpan<AffinePoint> tableQ, ReadOnlySpan<short> digitsB)
    {
        var top = Math.Max(digitsA.Length, digitsB.Length) - 1;
        var acc = EcPoint.Neutral;
        var started = false;
        var pendingDoublings = 0;
        for (var i = top; i >= 0; i--)
        {
            var a = i < digitsA.Length ? digitsA[i] : 0;
            var b = i < digitsB.Length ? digitsB[i] : 0;
            if (a != 0 || b != 0)
            {
                acc = acc.MDouble(pendingDoublings);
                pendingDoublings = 0;
                if (a != 0)
                {
                    acc = Add(acc, started, Lookup(tableP, a));
                    started = true;
                }

                if (b != 0)
                {
                    acc = Add(acc, started, Lookup(tableQ, b));
                    started = true;
                }
            }

            if (started && i > 0)
            {
                pendingDoublings++;
            }
        }

        return acc.MDouble(pendingDoublings);
    }

    private static EcPoint Add(in EcPoint acc, bool started, in AffinePoint q) =>
        started ? EcPoint.AddAffine(acc, q) : q.ToPoint();
}
