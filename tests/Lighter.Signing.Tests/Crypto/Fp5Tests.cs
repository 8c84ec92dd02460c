using System.Numerics;
using System.Text.Json;
using Lighter.Signing.Crypto;
using Lighter.Signing.Tests.Vectors;

namespace Lighter.Signing.Tests.Crypto;

public class Fp5Tests
{
    internal static Fp5 Element(JsonElement limbs) => Fp5.FromLimbs(limbs.U64Array());

    private static JsonElement Vector(JsonDocument doc, string test) => doc.RootElement.GetProperty("vectors")
        .EnumerateArray().Single(v => v.GetProperty("source").GetProperty("test").GetString() == test);

    [Fact]
    public void Add_sub_mul_square_match_the_official_vector()
    {
        using var doc = VectorFiles.Load("gfp5.json");
        var v = Vector(doc, "TestQuinticExtensionAddSubMulSquare");
        var a = Element(v.GetProperty("a"));
        var b = Element(v.GetProperty("b"));
        Assert.Equal(Element(v.GetProperty("add")), a + b);
        Assert.Equal(Element(v.GetProperty("sub")), a - b);
        Assert.Equal(Element(v.GetProperty("mul")), a * b);
        Assert.Equal(Element(v.GetProperty("square_a")), a.Square());
    }

    [Fact]
    public void Frobenius_inverse_and_sgn0_match_the_official_vectors()
    {
        using var doc = VectorFiles.Load("gfp5.json");
        var frob = Vector(doc, "TestRepeatedFrobeniusgFp5");
        Assert.Equal(Element(frob.GetProperty("output")), Element(frob.GetProperty("input")).Frobenius());
        var inv = Vector(doc, "TestTryInverse");
        Assert.Equal(Element(inv.GetProperty("output")), Element(inv.GetProperty("input")).InverseOrZero());
        var sgn = Vector(doc, "TestQuinticExtSgn0");
        Assert.Equal(sgn.GetProperty("output").GetBoolean(), Element(sgn.GetProperty("input")).Sgn0());
    }

    [Fact]
    public void Sqrt_and_canonical_sqrt_match_the_official_vector()
    {
        using var doc = VectorFiles.Load("gfp5.json");
        var v = Vector(doc, "TestSqrtFunctions");
        var x = Element(v.GetProperty("input"));
        Assert.True(x.TrySqrt(out var root));
        Assert.Equal(Element(v.GetProperty("sqrt")), root);
        Assert.True(x.TryCanonicalSqrt(out var canonical));
        Assert.Equal(Element(v.GetProperty("canonical_sqrt")), canonical);
        Assert.Equal(1UL, x.Legendre());
    }

    [Fact]
    public void Sqrt_of_official_non_squares_does_not_exist()
    {
        using var doc = VectorFiles.Load("gfp5.json");
        var v = Vector(doc, "TestSqrtNonExistent");
        Assert.False(v.GetProperty("exists").GetBoolean());
        foreach (var input in v.GetProperty("inputs").EnumerateArray())
        {
            var x = Element(input);
            Assert.False(x.TrySqrt(out _));
            Assert.False(x.TryCanonicalSqrt(out _));
            Assert.Equal(Goldilocks.Modulus - 1, x.Legendre());
        }
    }

    [Fact]
    public void Field_laws_hold_for_random_elements()
    {
        var rng = new Random(5);
        for (var i = 0; i < 300; i++)
        {
            var a = Random(rng);
            var b = Random(rng);
            var c = Random(rng);
            Assert.Equal(a * b, b * a);
            Assert.Equal(a * (b + c), (a * b) + (a * c));
            Assert.Equal((a * b) * c, a * (b * c));
            Assert.Equal(a * a, a.Square());
            Assert.Equal(Fp5.One, a * a.InverseOrZero());
            Assert.Equal(a.Frobenius().Frobenius(), a.RepeatedFrobenius(2));
            Assert.Equal(a, a.RepeatedFrobenius(5));
            var sq = a.Square();
            Assert.Equal(1UL, sq.Legendre());
            Assert.True(sq.TrySqrt(out var root));
            Assert.Equal(sq, root.Square());
            Assert.True(sq.TryCanonicalSqrt(out var canonical));
            Assert.False(canonical.Sgn0());
        }

        Assert.Equal(Fp5.Zero, Fp5.Zero.InverseOrZero());
    }

    [Fact]
    public void Bytes_round_trip_canonically_and_accept_unreduced_limbs()
    {
        var raw = new byte[40];
        Array.Fill(raw, (byte)0xFF);
        var x = Fp5.FromLittleEndianBytes(raw);
        Assert.Equal(ulong.MaxValue, x.C0);
        var written = new byte[40];
        x.WriteLittleEndianBytes(written);
        Assert.Equal(Goldilocks.ToCanonical(ulong.MaxValue), BitConverter.ToUInt64(written, 0));
        Assert.Equal(x, Fp5.FromLittleEndianBytes(written));
        Assert.Throws<LighterSigningException>(() => Fp5.FromLittleEndianBytes(new byte[39]));
    }

    [Fact]
    public void Mul_and_square_match_a_schoolbook_reference_on_extreme_and_non_canonical_limbs()
    {
        // Limbs near 2^64 make every 192-bit dot product carry into its top word, and small ones make the folded
        // subtraction borrow: both paths of the one-step reduction, checked against exact integers.
        ulong[] edges = [0, 1, 2, Goldilocks.Epsilon, 1UL << 32, Goldilocks.Modulus - 1, Goldilocks.Modulus, Goldilocks.Modulus + 1, ulong.MaxValue - 1, ulong.MaxValue];
        var rng = new Random(11);
        ulong Limb() => rng.Next(3) == 0 ? (ulong)rng.NextInt64() * 2 + (ulong)rng.Next(2) : edges[rng.Next(edges.Length)];
        for (var i = 0; i < 2000; i++)
        {
            ulong[] a = [Limb(), Limb(), Limb(), Limb(), Limb()];
            ulong[] b = i % 4 == 0 ? [.. a] : [Limb(), Limb(), Limb(), Limb(), Limb()];
            var product = Fp5.FromLimbs(a) * Fp5.FromLimbs(b);
            Assert.Equal(SchoolbookProduct(a, b), Canonical(product));
            Assert.Equal(SchoolbookProduct(a, a), Canonical(Fp5.FromLimbs(a).Square()));
        }
    }

    /// <summary>(Σ aᵢXⁱ)(Σ bⱼXʲ) mod (X^5 - 3, p) with exact integers.</summary>
    private static ulong[] SchoolbookProduct(ulong[] a, ulong[] b)
    {
        var p = new BigInteger(Goldilocks.Modulus);
        var c = new BigInteger[5];
        for (var i = 0; i < 5; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                var term = new BigInteger(a[i]) * b[j];
                c[(i + j) % 5] += i + j >= 5 ? 3 * term : term;
            }
        }

        return [.. c.Select(x => (ulong)(x % p))];
    }

    private static ulong[] Canonical(Fp5 x) =>
        [Goldilocks.ToCanonical(x.C0), Goldilocks.ToCanonical(x.C1), Goldilocks.ToCanonical(x.C2), Goldilocks.ToCanonical(x.C3), Goldilocks.ToCanonical(x.C4)];

    internal static Fp5 Random(Random rng) => new(
        (ulong)rng.NextInt64(), (ulong)rng.NextInt64(), (ulong)rng.NextInt64(), (ulong)rng.NextInt64(),
        (ulong)rng.NextInt64() * 2);
}
