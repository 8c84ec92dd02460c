using System.Numerics;
using System.Text.Json;
using Lighter.Signing.Crypto;
using Lighter.Signing.Tests.Vectors;

namespace Lighter.Signing.Tests.Crypto;

public class GoldilocksTests
{
    private const ulong P = Goldilocks.Modulus;

    [Theory]
    [InlineData("add")]
    [InlineData("sub")]
    [InlineData("mul")]
    public void Binary_operations_match_every_official_pair(string op)
    {
        using var doc = VectorFiles.Load("goldilocks.json");
        Func<ulong, ulong, ulong> f = op switch
        {
            "add" => Goldilocks.Add,
            "sub" => Goldilocks.Sub,
            _ => Goldilocks.Mul,
        };
        var checkedCount = 0;
        foreach (var row in doc.RootElement.GetProperty(op).EnumerateArray())
        {
            var (a, b, expected) = (row[0].U64(), row[1].U64(), row[2].U64());
            Assert.True(Goldilocks.ToCanonical(f(a, b)) == expected, $"{op}({a}, {b})");
            checkedCount++;
        }

        Assert.Equal(83 * 83, checkedCount);
    }

    [Fact]
    public void Neg_and_square_match_the_official_inputs()
    {
        using var doc = VectorFiles.Load("goldilocks.json");
        foreach (var row in doc.RootElement.GetProperty("neg").EnumerateArray())
        {
            Assert.Equal(row[1].U64(), Goldilocks.Neg(row[0].U64()));
        }

        foreach (var row in doc.RootElement.GetProperty("square").EnumerateArray())
        {
            Assert.Equal(row[1].U64(), Goldilocks.ToCanonical(Goldilocks.Square(row[0].U64())));
        }
    }

    [Theory]
    [InlineData("reduce128")]
    [InlineData("reduce96")]
    public void Reductions_match_the_official_cases(string op)
    {
        using var doc = VectorFiles.Load("goldilocks.json");
        foreach (var row in doc.RootElement.GetProperty(op).EnumerateArray())
        {
            var (lo, hi) = (row.GetProperty("lo").U64(), row.GetProperty("hi").U64());
            var actual = op == "reduce128" ? Goldilocks.Reduce128(lo, hi) : Goldilocks.Reduce96(lo, hi);
            Assert.Equal(row.GetProperty("expected").U64(), Goldilocks.ToCanonical(actual));
        }
    }

    [Fact]
    public void Double_wraparound_special_cases_hold()
    {
        using var doc = VectorFiles.Load("goldilocks.json");
        Assert.Equal(2, doc.RootElement.GetProperty("special").GetArrayLength());

        // TestSubFDoubleWraparound: a = (p+1)/2, b = 2: a·b == 1 and 0 - a·b == p - 1.
        var ab = Goldilocks.Mul((P + 1) / 2, 2);
        Assert.Equal(1UL, Goldilocks.ToCanonical(ab));
        Assert.Equal(P - 1, Goldilocks.ToCanonical(Goldilocks.Sub(0, ab)));

        // TestAddFDoubleWraparound: a = 2^64 - 1 - p (raw), b = p - 1: (a+a)+(b+b) == (a+b)+(a+b).
        var a = ulong.MaxValue - P;
        var b = P - 1;
        Assert.Equal(
            Goldilocks.ToCanonical(Goldilocks.Add(Goldilocks.Add(a, b), Goldilocks.Add(a, b))),
            Goldilocks.ToCanonical(Goldilocks.Add(Goldilocks.Add(a, a), Goldilocks.Add(b, b))));
    }

    [Theory]
    [InlineData(0L, 0UL)]
    [InlineData(5L, 5UL)]
    [InlineData(-1L, 0xFFFF_FFFEUL)] // 2^64 - 1 ≡ 2^32 - 2, the official two's-complement conversion
    [InlineData(-2L, 0xFFFF_FFFDUL)]
    [InlineData(long.MinValue, 0x8000_0000_0000_0000UL)]
    [InlineData(long.MaxValue, 0x7FFF_FFFF_FFFF_FFFFUL)]
    public void FromInt64_reinterprets_twos_complement(long value, ulong expected) =>
        Assert.Equal(expected, Goldilocks.FromInt64(value));

    [Fact]
    public void Field_laws_hold_for_random_raw_values()
    {
        var rng = new Random(20261201);
        var big = new BigInteger(P);
        for (var i = 0; i < 20_000; i++)
        {
            var a = (ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 40);
            var b = (ulong)rng.NextInt64() * 3;
            var c = (ulong)rng.NextInt64() + (ulong)rng.Next();
            Assert.Equal((ulong)(new BigInteger(a) * b % big), Goldilocks.ToCanonical(Goldilocks.Mul(a, b)));
            Assert.Equal(
                Goldilocks.ToCanonical(Goldilocks.Mul(a, Goldilocks.Add(b, c))),
                Goldilocks.ToCanonical(Goldilocks.Add(Goldilocks.Mul(a, b), Goldilocks.Mul(a, c))));
            Assert.Equal(Goldilocks.ToCanonical(a), Goldilocks.ToCanonical(Goldilocks.Sub(Goldilocks.Add(a, b), b)));
            if (Goldilocks.ToCanonical(a) != 0)
            {
                Assert.Equal(1UL, Goldilocks.ToCanonical(Goldilocks.Mul(a, Goldilocks.InverseOrZero(a))));
            }
        }
    }

    [Fact]
    public void Sqrt_returns_a_root_for_squares_and_rejects_non_squares()
    {
        var rng = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var x = Goldilocks.ToCanonical((ulong)rng.NextInt64());
            var sq = Goldilocks.Square(x);
            Assert.True(Goldilocks.TrySqrt(sq, out var root));
            Assert.Equal(Goldilocks.ToCanonical(sq), Goldilocks.ToCanonical(Goldilocks.Square(root)));
        }

        Assert.False(Goldilocks.TrySqrt(7, out _)); // 7 generates the multiplicative group: a non-square
    }
}
