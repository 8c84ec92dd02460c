namespace Lighter.Signing.Crypto;

/// <summary>
/// (2i + 1)·G for i = 0..255 in affine form (20 KB): the generator's table for width-10 wNAF, so the s·G half of
/// a verification costs about 29 additions inside the doubling chain it shares with e·P. Built on first use (a
/// separate class from <see cref="GeneratorTable"/> so signing alone never builds it).
/// </summary>
internal static class GeneratorOddMultiples
{
    /// <summary>The wNAF width the table serves.</summary>
    internal const int Width = 10;

    private static readonly AffinePoint[] Points = Build();

    internal static ReadOnlySpan<AffinePoint> Table => Points;

    private static AffinePoint[] Build()
    {
        var table = new AffinePoint[1 << (Width - 2)];
        Wnaf.MakeOddMultiples(EcPoint.Generator, table);
        return table;
    }
}
