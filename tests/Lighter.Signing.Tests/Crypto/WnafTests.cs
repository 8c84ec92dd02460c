using System.Numerics;
using Lighter.Signing.Crypto;

namespace Lighter.Signing.Tests.Crypto;

public class WnafTests
{
    private static IEnumerable<Scalar> Scalars()
    {
        yield return Scalar.Zero;
        yield return Scalar.One;
        yield return Scalar.Zero - Scalar.One; // n - 1, the largest scalar
        yield return Scalar.FromLimbsReduced(ulong.MaxValue, ulong.MaxValue, 0, 0, 0); // a long run of ones
        yield return Scalar.FromLimbsReduced(0x5555555555555555, 0xAAAAAAAAAAAAAAAA, 0x5555555555555555, 0xAAAAAAAAAAAAAAAA, 0x1555555555555555);
        yield return Scalar.FromLimbsReduced(0, 0, 0, 0, 1UL << 62); // only the top bits
        var rng = new Random(7);
        for (var i = 0; i < 30; i++)
        {
            yield return CurveTests.RandomScalar(rng);
        }
    }

    private static BigInteger ToBigInteger(in Scalar k)
    {
        Span<ulong> limbs = stackalloc ulong[5];
        k.CopyLimbsTo(limbs);
        var value = BigInteger.Zero;
        for (var i = 4; i >= 0; i--)
        {
            value = (value << 64) + limbs[i];
        }

        return value;
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(10)]
    [InlineData(12)]
    public void Recoding_is_a_valid_wnaf_of_the_scalar(int w)
    {
        var digits = new short[Wnaf.MaxDigits];
        foreach (var k in Scalars())
        {
            var length = Wnaf.Recode(k, w, digits);
            var sum = BigInteger.Zero;
            var lastNonZero = -w;
            for (var i = 0; i < digits.Length; i++)
            {
                var d = digits[i];
                if (d == 0)
                {
                    continue;
                }

                Assert.True((d & 1) != 0, $"digit {i} = {d} is even");
                Assert.True(Math.Abs((int)d) < 1 << (w - 1), $"digit {i} = {d} is out of range for w = {w}");
                Assert.True(i - lastNonZero >= w, $"digits {lastNonZero} and {i} are closer than {w}");
                Assert.True(i < length, $"digit {i} lies past the reported length {length}");
                lastNonZero = i;
                sum += d * BigInteger.Pow(2, i);
            }

            Assert.Equal(ToBigInteger(k), sum);
            Assert.Equal(k == Scalar.Zero ? 0 : lastNonZero + 1, length);
        }
    }

    [Fact]
    public void Odd_multiples_table_holds_the_odd_multiples()
    {
        var p = EcPoint.Generator.Multiply(CurveTests.RandomScalar(new Random(5)));
        var table = new AffinePoint[8];
        Wnaf.MakeOddMultiples(p, table);
        for (var i = 0; i < table.Length; i++)
        {
            var expected = p.Multiply(Scalar.FromLimbsReduced((ulong)((2 * i) + 1), 0, 0, 0, 0)).Encode();
            Assert.Equal(expected, table[i].ToPoint().Encode());
            Assert.Equal(expected, Wnaf.Lookup(table, (2 * i) + 1).ToPoint().Encode());
            Assert.Equal(expected, Wnaf.Lookup(table, -((2 * i) + 1)).ToPoint().Negate().Encode());
        }

        var generator = GeneratorOddMultiples.Table;
        Assert.Equal(1 << (GeneratorOddMultiples.Width - 2), generator.Length);
        var last = (ulong)((2 * generator.Length) - 1);
        Assert.Equal(EcPoint.Generator.Multiply(Scalar.FromLimbsReduced(last, 0, 0, 0, 0)).Encode(), generator[^1].ToPoint().Encode());
    }

    [Fact]
    public void Interleaved_sum_equals_the_two_products_added()
    {
        var rng = new Random(9);
        var p = EcPoint.Generator.Multiply(CurveTests.RandomScalar(rng));
        var q = EcPoint.Generator.Multiply(CurveTests.RandomScalar(rng));
        var tableP = new AffinePoint[4];
        var tableQ = new AffinePoint[32];
        Wnaf.MakeOddMultiples(p, tableP);
        Wnaf.MakeOddMultiples(q, tableQ);
        var scalars = Scalars().ToArray();
        var digitsA = new short[Wnaf.MaxDigits];
        var digitsB = new short[Wnaf.MaxDigits];
        for (var i = 0; i < scalars.Length; i++)
        {
            var a = scalars[i];
            var b = scalars[(i * 7 + 3) % scalars.Length];
            var lengthA = Wnaf.Recode(a, 4, digitsA);
            var lengthB = Wnaf.Recode(b, 7, digitsB);
            var expected = EcPoint.Add(p.Multiply(a), q.Multiply(b));
            var sum = Wnaf.Sum(tableP, digitsA.AsSpan(0, lengthA), tableQ, digitsB.AsSpan(0, lengthB));
            Assert.True(expected.EqualsPoint(sum), $"pair {i}");
        }
    }
}
