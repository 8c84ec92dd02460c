using System.Text.Json;
using Lighter.Signing.Crypto;
using Lighter.Signing.Tests.Vectors;

namespace Lighter.Signing.Tests.Crypto;

public class CurveTests
{
    private static readonly Fp5 AOver3 = new(Goldilocks.Mul(2, Goldilocks.InverseOrZero(3)), 0, 0, 0, 0);

    private static JsonElement Vector(JsonDocument doc, string test) => doc.RootElement.GetProperty("vectors")
        .EnumerateArray().Single(v => v.GetProperty("source").GetProperty("test").GetString() == test);

    private static EcPoint Point(JsonElement p) => new(
        Fp5Tests.Element(p.GetProperty("x")), Fp5Tests.Element(p.GetProperty("z")),
        Fp5Tests.Element(p.GetProperty("u")), Fp5Tests.Element(p.GetProperty("t")));

    private static Scalar ScalarOf(JsonElement limbs)
    {
        var l = limbs.U64Array();
        return Scalar.FromLimbsReduced(l[0], l[1], l[2], l[3], l[4]);
    }

    /// <summary>The ECgFp5 encoding of a short-Weierstrass point: w = Y / (a/3 - X), infinity ↦ 0.</summary>
    private static Fp5 WeierstrassEncoding(JsonElement p) => p.GetProperty("IsInf").GetBoolean()
        ? Fp5.Zero
        : Fp5Tests.Element(p.GetProperty("Y")) * (AOver3 - Fp5Tests.Element(p.GetProperty("X"))).InverseOrZero();

    private static EcPoint Decode(in Fp5 w)
    {
        Assert.True(EcPoint.TryDecode(w, out var point));
        return point;
    }

    private static void AssertSameCoordinates(EcPoint expected, EcPoint actual)
    {
        Assert.Equal(expected.X, actual.X);
        Assert.Equal(expected.Z, actual.Z);
        Assert.Equal(expected.U, actual.U);
        Assert.Equal(expected.T, actual.T);
    }

    [Fact]
    public void Encode_add_double_mdouble_and_scalar_mul_match_the_official_vectors()
    {
        using var doc = VectorFiles.Load("ecgfp5_curve.json");
        var encode = Vector(doc, "TestEncode");
        Assert.Equal(Fp5Tests.Element(encode.GetProperty("encoded")), Point(encode.GetProperty("point")).Encode());

        var add = Vector(doc, "TestAdd");
        AssertSameCoordinates(
            Point(add.GetProperty("result")), EcPoint.Add(Point(add.GetProperty("a")), Point(add.GetProperty("b"))));

        var dbl = Vector(doc, "TestDouble");
        Assert.True(Point(dbl.GetProperty("result")).EqualsPoint(Point(dbl.GetProperty("point")).Double()));

        var mdouble = Vector(doc, "TestMDouble");
        AssertSameCoordinates(
            Point(mdouble.GetProperty("result")),
            Point(mdouble.GetProperty("point")).MDouble(mdouble.GetProperty("n").GetInt32()));

        var mul = Vector(doc, "TestScalarMul");
        var product = Point(mul.GetProperty("point")).Multiply(ScalarOf(mul.GetProperty("scalar_limbs_le")));
        Assert.True(Point(mul.GetProperty("result")).EqualsPoint(product));
    }

    [Fact]
    public void Decode_encode_and_group_law_match_the_official_test_vectors()
    {
        using var doc = VectorFiles.Load("ecgfp5_curve.json");
        var v = Vector(doc, "TestBasicOps + testVectors");
        var w = v.GetProperty("w").EnumerateArray().Select(Fp5Tests.Element).ToArray();
        var p = w.Select(x => Decode(x)).ToArray();
        for (var i = 0; i < w.Length; i++)
        {
            Assert.Equal(w[i], p[i].Encode());
        }

        Assert.True(p[0].IsNeutral);
        Assert.Equal(w[3], EcPoint.Add(p[1], p[2]).Encode());
        Assert.Equal(w[4], EcPoint.Add(p[1], p[1]).Encode());
        Assert.Equal(w[4], p[1].Double().Encode());
        Assert.Equal(w[5], p[2].Double().Encode());
        Assert.Equal(w[6], EcPoint.Add(p[1].Double(), p[2]).Encode());
        Assert.Equal(w[7], EcPoint.Add(EcPoint.Add(p[1], p[2]), p[2]).Encode());
        Assert.Equal(Fp5.Zero, p[0].Double().Encode());
        Assert.Equal(Fp5.Zero, EcPoint.Add(p[0], p[0]).Encode());
        Assert.Equal(w[1], EcPoint.Add(p[0], p[1]).Encode());

        foreach (var bad in v.GetProperty("invalid_encodings").EnumerateArray())
        {
            Assert.False(EcPoint.TryDecode(Fp5Tests.Element(bad), out _));
        }
    }

    [Fact]
    public void Decoding_agrees_with_the_official_short_weierstrass_view()
    {
        using var doc = VectorFiles.Load("ecgfp5_curve.json");
        foreach (var c in Vector(doc, "TestDecodeAsWeierstrass").GetProperty("cases").EnumerateArray())
        {
            var w = Fp5Tests.Element(c.GetProperty("w"));
            var expected = c.GetProperty("expected");
            var point = Decode(w);
            if (expected.ValueKind == JsonValueKind.String)
            {
                // GENERATOR_WEIERSTRASS (curve/ecgfp5/weierstrass_point.go), the image of w = 4.
                Assert.Equal("GENERATOR_WEIERSTRASS (see curve constants)", expected.GetString());
                Assert.Equal(new Fp5(4, 0, 0, 0, 0), w);
                var g = point.ToAffine();
                var gOther = w.Square() - new Fp5(2, 0, 0, 0, 0) - g.X;
                Assert.Equal(
                    new Fp5(11712523173042564207, 14090224426659529053, 13197813503519687414, 16280770174934269299,
                        15998333998318935536),
                    gOther + AOver3);
                Assert.Equal(
                    new Fp5(14639054205878357578, 17426078571020221072, 2548978194165003307, 8663895577921260088,
                        9793640284382595140),
                    -(w * gOther));
                continue;
            }

            if (expected.GetProperty("IsInf").GetBoolean())
            {
                Assert.True(point.IsNeutral);
                continue;
            }

            // The Weierstrass point is P + N: x' = (w² - a) - x (the other root), y' = -w·x', X = x' + a/3.
            var affine = point.ToAffine();
            var xOther = w.Square() - new Fp5(2, 0, 0, 0, 0) - affine.X;
            Assert.Equal(Fp5Tests.Element(expected.GetProperty("X")), xOther + AOver3);
            Assert.Equal(Fp5Tests.Element(expected.GetProperty("Y")), -(w * xOther));
        }
    }

    [Fact]
    public void Group_operations_agree_with_the_official_weierstrass_vectors()
    {
        using var doc = VectorFiles.Load("ecgfp5_curve.json");
        var ops = Vector(doc, "TestWeierstrassDoubleAndWeierstrassAdd");
        var qwe = Decode(WeierstrassEncoding(ops.GetProperty("qwe")));
        var abc = Decode(WeierstrassEncoding(ops.GetProperty("abc")));
        Assert.Equal(WeierstrassEncoding(ops.GetProperty("double_qwe")), qwe.Double().Encode());
        Assert.Equal(WeierstrassEncoding(ops.GetProperty("qwe_plus_abc")), EcPoint.Add(qwe, abc).Encode());
        var a = Decode(WeierstrassEncoding(ops.GetProperty("a")));
        var b = Decode(WeierstrassEncoding(ops.GetProperty("b")));
        Assert.Equal(WeierstrassEncoding(ops.GetProperty("a_plus_b")), EcPoint.Add(a, b).Encode());

        var mulAdd = Vector(doc, "TestWeierstrassMulAdd2");
        var sum = EcPoint.Add(
            Decode(WeierstrassEncoding(mulAdd.GetProperty("qwe"))).Multiply(ScalarOf(mulAdd.GetProperty("s"))),
            Decode(WeierstrassEncoding(mulAdd.GetProperty("abc"))).Multiply(ScalarOf(mulAdd.GetProperty("e"))));
        Assert.Equal(WeierstrassEncoding(mulAdd.GetProperty("result")), sum.Encode());

        var win = Vector(doc, "TestWeierstrassPrecomputeWindow");
        var basePoint = Decode(WeierstrassEncoding(win.GetProperty("qwe")));
        var expected = win.GetProperty("window").EnumerateArray().Select(WeierstrassEncoding).ToArray();
        Span<AffinePoint> window = new AffinePoint[15];
        EcPoint.MakeWindow(basePoint, window);
        Assert.Equal(Fp5.Zero, expected[0]);
        for (var i = 1; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], window[i - 1].ToPoint().Encode());
            Assert.Equal(expected[i], basePoint.Multiply(Scalar.FromLimbsReduced((ulong)i, 0, 0, 0, 0)).Encode());
        }
    }

    [Fact]
    public void Generator_encodes_to_4_and_fixed_base_tables_agree_with_the_generic_multiplication()
    {
        Assert.Equal(new Fp5(4, 0, 0, 0, 0), EcPoint.Generator.Encode());
        var rng = new Random(11);
        for (var i = 0; i < 20; i++)
        {
            var k = RandomScalar(rng);
            var expected = EcPoint.Generator.Multiply(k).Encode();
            Assert.Equal(expected, GeneratorTable.Multiply(k).Encode());
            Assert.Equal(expected, GeneratorTable.MultiplyVarTime(k).Encode());
        }

        Assert.True(GeneratorTable.Multiply(Scalar.Zero).IsNeutral);
        var nMinus1 = Scalar.Zero - Scalar.One;
        Assert.Equal(new Fp5(Goldilocks.Modulus - 4, 0, 0, 0, 0), GeneratorTable.Multiply(nMinus1).Encode());
    }

    [Fact]
    public void Constant_time_lookup_selects_the_same_point_as_the_variable_time_one()
    {
        Span<AffinePoint> window = new AffinePoint[16];
        EcPoint.MakeWindow(EcPoint.Generator, window);
        for (var k = -16; k <= 16; k++)
        {
            var ct = AffinePoint.LookupConstantTime(window, k);
            var vt = AffinePoint.LookupVarTime(window, k);
            Assert.Equal(vt.X, ct.X);
            Assert.Equal(vt.U, ct.U);
        }
    }

    internal static Scalar RandomScalar(Random rng)
    {
        Span<byte> bytes = stackalloc byte[40];
        rng.NextBytes(bytes);
        return Scalar.FromLittleEndianBytesReduced(bytes);
    }
}
