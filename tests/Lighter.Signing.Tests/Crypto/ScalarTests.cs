using System.Numerics;
using System.Text.Json;
using Lighter.Signing.Crypto;
using Lighter.Signing.Tests.Vectors;

namespace Lighter.Signing.Tests.Crypto;

public class ScalarTests
{
    private static Scalar Raw(JsonElement limbs)
    {
        var l = limbs.U64Array();
        return new Scalar(l[0], l[1], l[2], l[3], l[4]);
    }

    private static ulong[] Limbs(Scalar s) => [s.L0, s.L1, s.L2, s.L3, s.L4];

    private static BigInteger ToBig(Scalar s)
    {
        Span<byte> bytes = stackalloc byte[41];
        s.WriteLittleEndianBytes(bytes);
        bytes[40] = 0;
        return new BigInteger(bytes, isUnsigned: true);
    }

    [Fact]
    public void Official_scalar_field_vectors_pass()
    {
        using var doc = VectorFiles.Load("ecgfp5_scalar.json");
        var root = doc.RootElement;
        var n = BigInteger.Parse(root.GetProperty("n").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(n, ToBig(new Scalar(Scalar.N0, Scalar.N1, Scalar.N2, Scalar.N3, Scalar.N4)));
        var seen = 0;
        foreach (var v in root.GetProperty("vectors").EnumerateArray())
        {
            var op = v.GetProperty("op").GetString()!;
            seen++;
            if (op.StartsWith("roundtrip", StringComparison.Ordinal))
            {
                var s = Raw(v.GetProperty("scalar"));
                var bytes = new byte[40];
                s.WriteLittleEndianBytes(bytes);
                Assert.Equal(s, Scalar.FromLittleEndianBytesReduced(bytes));
            }
            else if (op.StartsWith("split into 80 4-bit", StringComparison.Ordinal))
            {
                var bytes = new byte[40];
                Raw(v.GetProperty("scalar")).WriteLittleEndianBytes(bytes);
                var nibbles = bytes.SelectMany(b => new[] { b & 15, b >> 4 });
                Assert.Equal(v.GetProperty("nibbles").EnumerateArray().Select(x => x.GetInt32()), nibbles);
            }
            else if (op.StartsWith("raw 320-bit add", StringComparison.Ordinal))
            {
                Scalar.AddRaw(Raw(v.GetProperty("a")), Raw(v.GetProperty("b")), out var sum);
                Assert.Equal(v.GetProperty("result").U64Array(), Limbs(sum));
            }
            else if (op.StartsWith("raw 320-bit sub", StringComparison.Ordinal))
            {
                var mask = Scalar.SubRaw(Raw(v.GetProperty("a")), Raw(v.GetProperty("b")), out var diff);
                Assert.Equal(v.GetProperty("result").U64Array(), Limbs(diff));
                Assert.Equal(v.GetProperty("borrow_mask").U64(), mask);
            }
            else if (op.StartsWith("Montgomery mul", StringComparison.Ordinal))
            {
                var product = Scalar.MontgomeryMul(Raw(v.GetProperty("a")), Raw(v.GetProperty("b")));
                Assert.Equal(v.GetProperty("result").U64Array(), Limbs(product));
            }
            else if (op.StartsWith("modular sub", StringComparison.Ordinal))
            {
                Assert.Equal(v.GetProperty("result").U64Array(), Limbs(Raw(v.GetProperty("a")) - Raw(v.GetProperty("b"))));
            }
            else if (op.StartsWith("RecodeSigned", StringComparison.Ordinal))
            {
                var digits = new sbyte[50];
                Scalar.RecodeSigned5(v.GetProperty("scalar").U64Array(), digits);
                var expected = new sbyte[50];
                foreach (var d in v.GetProperty("nonzero_digits").EnumerateObject())
                {
                    expected[int.Parse(d.Name, System.Globalization.CultureInfo.InvariantCulture)] = (sbyte)d.Value.GetInt32();
                }

                Assert.Equal(expected, digits);
            }
            else if (op.StartsWith("FromGfp5", StringComparison.Ordinal))
            {
                var s = Scalar.FromFp5(Fp5Tests.Element(v.GetProperty("input_fp5")));
                Assert.Equal(v.GetProperty("result").U64Array(), Limbs(s));
            }
            else if (op.StartsWith("ScalarElementFromLittleEndianBytes reduces", StringComparison.Ordinal))
            {
                var all = Enumerable.Repeat((byte)0xFF, 40).ToArray();
                var reduced = Scalar.FromLittleEndianBytesReduced(all);
                Assert.Equal((BigInteger.Pow(2, 320) - 1) % n, ToBig(reduced));
            }
            else
            {
                Assert.Fail($"Unknown op {op}");
            }
        }

        Assert.Equal(10, seen);
    }

    [Fact]
    public void Arithmetic_matches_big_integer_reference()
    {
        var n = ToBig(new Scalar(Scalar.N0, Scalar.N1, Scalar.N2, Scalar.N3, Scalar.N4));
        var rng = new Random(3);
        var wide = new byte[64];
        for (var i = 0; i < 500; i++)
        {
            var a = CurveTests.RandomScalar(rng);
            var b = CurveTests.RandomScalar(rng);
            Assert.Equal((ToBig(a) + ToBig(b)) % n, ToBig(a + b));
            Assert.Equal(((ToBig(a) - ToBig(b)) % n + n) % n, ToBig(a - b));
            Assert.Equal(ToBig(a) * ToBig(b) % n, ToBig(a * b));
            rng.NextBytes(wide);
            Assert.Equal(new BigInteger(wide, isUnsigned: true) % n, ToBig(Scalar.FromWideBytes(wide)));
        }
    }
}
