namespace Lighter.Signing.Crypto;

/// <summary>
/// A decoded public key P prepared for s·G + e·P in verification (public data only). A key seen once gets the odd
/// multiples P, 3P, …, 15P (cheap to build) and shares one chain of 320 doublings between e·P (width-5 wNAF, about
/// 53 additions) and s·G (width-10 wNAF, about 29 additions). A key verified again gets split tables for P,
/// 2^80·P, 2^160·P and 2^240·P, so e·P needs only 77 doublings (s·G then comes from the fixed-base table, which
/// needs none): an exchange or a sandbox checks the same few keys over and over, and that case pays for the
/// tables at once.
/// </summary>
internal sealed class VerificationKey
{
    private const int ChunkBits = 80;
    private const int Chunks = 4;
    private const int SplitDigitBits = 7;
    private const int SplitWindowPoints = 1 << (SplitDigitBits - 1);
    private const int DigitsPerChunk = (ChunkBits + SplitDigitBits) / SplitDigitBits; // room for the top carry

    private const int FirstUseWidth = 5; // wNAF width for e on first use: 8 odd multiples

    private readonly EcPoint _point;
    private readonly AffinePoint[] _oddMultiples = new AffinePoint[1 << (FirstUseWidth - 2)];
    private AffinePoint[]? _split;
    private int _uses;

    private VerificationKey(in Fp5 encoded, in EcPoint point)
    {
        Encoded = encoded;
        _point = point;
        Wnaf.MakeOddMultiples(point, _oddMultiples);
    }

    /// <summary>The encoded public key.</summary>
    internal Fp5 Encoded { get; }

    /// <summary>Whether the split tables are built (the key has been used more than once).</summary>
    internal bool IsSplit => _split is not null;

    /// <summary>Decodes <paramref name="encoded"/>, or returns null when it is not a curve point.</summary>
    internal static VerificationKey? TryCreate(in Fp5 encoded) =>
        EcPoint.TryDecode(encoded, out var point) ? new VerificationKey(encoded, point) : null;

    /// <summary>s·G + e·P for public scalars (variable time); the second call builds the split tables.</summary>
    internal EcPoint MultiplyAdd(in Scalar s, in Scalar e)
    {
        if (_split is null && ++_uses >= 2)
        {
            _split = BuildSplitTables(_point);
        }

        if (_split is not null)
        {
            return EcPoint.Add(GeneratorTable.MultiplyVarTime(s), MultiplySplit(_split, e));
        }

        Span<short> sDigits = stackalloc short[Wnaf.MaxDigits];
        Span<short> eDigits = stackalloc short[Wnaf.MaxDigits];
        var sLength = Wnaf.Recode(s, GeneratorOddMultiples.Width, sDigits);
        var eLength = Wnaf.Recode(e, FirstUseWidth, eDigits);
        return Wnaf.Sum(GeneratorOddMultiples.Table, sDigits[..sLength], _oddMultiples, eDigits[..eLength]);
    }

    private static AffinePoint[] BuildSplitTables(in EcPoint point)
    {
        var tables = new AffinePoint[Chunks * SplitWindowPoints];
        var chunkBase = point;
        for (var c = 0; c < Chunks; c++)
        {
            EcPoint.MakeWindow(chunkBase, tables.AsSpan(c * SplitWindowPoints, SplitWindowPoints));
            chunkBase = chunkBase.MDouble(ChunkBits);
        }

        return tables;
    }

    /// <summary>Straus over the four chunks: Σ_c chunk_c(e)·(2^(80c)·P) with one shared doubling chain.</summary>
    private static EcPoint MultiplySplit(ReadOnlySpan<AffinePoint> tables, in Scalar e)
    {
        Span<ulong> limbs = stackalloc ulong[5];
        e.CopyLimbsTo(limbs);
        Span<sbyte> digits = stackalloc sbyte[Chunks * DigitsPerChunk];
        Span<ulong> chunk = stackalloc ulong[2];
        for (var c = 0; c < Chunks; c++)
        {
            ExtractChunk(limbs, c * ChunkBits, chunk);
            Scalar.RecodeSigned(chunk, digits.Slice(c * DigitsPerChunk, DigitsPerChunk), SplitDigitBits);
        }

        var acc = EcPoint.Neutral;
        for (var j = DigitsPerChunk - 1; j >= 0; j--)
        {
            if (j < DigitsPerChunk - 1)
            {
                acc = acc.MDouble(SplitDigitBits);
            }

            for (var c = 0; c < Chunks; c++)
            {
                var digit = digits[(c * DigitsPerChunk) + j];
                if (digit != 0)
                {
                    var table = tables.Slice(c * SplitWindowPoints, SplitWindowPoints);
                    acc = EcPoint.AddAffine(acc, AffinePoint.LookupVarTime(table, digit));
                }
            }
        }

        return acc;
    }

    /// <summary>Bits [start, start + 80) of a 320-bit value as two limbs (64 + 16 bits).</summary>
    private static void ExtractChunk(ReadOnlySpan<ulong> limbs, int start, Span<ulong> chunk)
    {
        chunk[0] = Scalar.ReadBits(limbs, start, 64);
        chunk[1] = Scalar.ReadBits(limbs, start + 64, ChunkBits - 64);
    }
}
