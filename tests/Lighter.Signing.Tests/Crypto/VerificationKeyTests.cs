using Lighter.Signing.Crypto;

namespace Lighter.Signing.Tests.Crypto;

public class VerificationKeyTests
{
    private static VerificationKey NewKey(int seed, out EcPoint point)
    {
        point = EcPoint.Generator.Multiply(CurveTests.RandomScalar(new Random(seed)));
        var key = VerificationKey.TryCreate(point.Encode());
        Assert.NotNull(key);
        return key;
    }

    private static IEnumerable<Scalar> EdgeScalars()
    {
        yield return Scalar.Zero;
        yield return Scalar.One;
        yield return Scalar.Zero - Scalar.One; // n - 1
        yield return Scalar.FromLimbsReduced(ulong.MaxValue, 0xFFFF, 0, 0, 0); // 2^80 - 1: chunks 1..3 zero
        yield return Scalar.FromLimbsReduced(0, 0x10000, 0, 0, 0); // 2^80: only chunk 1
        yield return Scalar.FromLimbsReduced(0, 0, 0, ulong.MaxValue, 0); // a carry out of chunk 2 into chunk 3
        yield return Scalar.FromLimbsReduced(0, 0, 0, 0, 1UL << 62); // only the top chunk
        yield return Scalar.FromLimbsReduced(0x4040404040404040, 0x4040404040404040, 0x4040404040404040, 0x4040404040404040, 0x4040404040404040); // digits at the ±64 boundary
    }

    private static Fp5 Expected(in EcPoint point, in Scalar s, in Scalar e) =>
        EcPoint.Add(GeneratorTable.Multiply(s), point.Multiply(e)).Encode();

    [Fact]
    public void First_use_and_split_tables_give_the_generic_product()
    {
        var rng = new Random(22);
        var scalars = EdgeScalars().Concat(Enumerable.Range(0, 40).Select(_ => CurveTests.RandomScalar(rng))).ToArray();
        var pairs = scalars.SelectMany(e => new[] { (Scalar.Zero, e), (e, Scalar.Zero), (scalars[^1], e), (e, e) }).ToArray();

        // First use on a fresh key for every pair (the shared-doubling wNAF path) ...
        var seed = 100;
        foreach (var (s, e) in pairs)
        {
            var fresh = NewKey(seed++, out var freshPoint);
            Assert.Equal(Expected(freshPoint, s, e), fresh.MultiplyAdd(s, e).Encode());
            Assert.False(fresh.IsSplit);
        }

        // ... and the split tables from the second use of one key on.
        var key = NewKey(21, out var point);
        key.MultiplyAdd(Scalar.One, Scalar.One);
        foreach (var (s, e) in pairs)
        {
            Assert.Equal(Expected(point, s, e), key.MultiplyAdd(s, e).Encode());
            Assert.True(key.IsSplit);
        }
    }

    [Fact]
    public void The_neutral_key_multiplies_to_the_neutral()
    {
        var key = VerificationKey.TryCreate(Fp5.Zero);
        Assert.NotNull(key);
        var e = CurveTests.RandomScalar(new Random(3));
        Assert.True(key.MultiplyAdd(Scalar.Zero, e).IsNeutral);
        Assert.True(key.MultiplyAdd(Scalar.Zero, e).IsNeutral);
        Assert.Equal(GeneratorTable.Multiply(e).Encode(), key.MultiplyAdd(e, e).Encode());
    }

    [Fact]
    public void Cache_returns_the_same_prepared_key_and_forgets_the_least_recent_one()
    {
        // Run on a fresh thread: the cache is per thread and other tests on this one may have filled it.
        static void Body()
        {
            var keys = Enumerable.Range(0, VerificationKeyCache.Capacity + 1)
                .Select(i => EcPoint.Generator.Multiply(CurveTests.RandomScalar(new Random(100 + i))).Encode())
                .ToArray();
            var first = VerificationKeyCache.Get(keys[0]);
            Assert.NotNull(first);
            Assert.Same(first, VerificationKeyCache.Get(keys[0]));

            for (var i = 1; i < keys.Length; i++)
            {
                Assert.NotNull(VerificationKeyCache.Get(keys[i]));
            }

            Assert.NotSame(first, VerificationKeyCache.Get(keys[0])); // evicted after Capacity newer keys
            Assert.Same(VerificationKeyCache.Get(keys[^1]), VerificationKeyCache.Get(keys[^1]));
        }

        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                Body();
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        });
        thread.Start();
        thread.Join();
        Assert.Null(failure);
    }

    [Fact]
    public void A_value_that_is_not_a_point_is_not_cached()
    {
        var notAPoint = Enumerable.Range(1, 64).Select(i => new Fp5((ulong)i, 0, 0, 0, 0))
            .First(w => !EcPoint.TryDecode(w, out _));
        Assert.Null(VerificationKey.TryCreate(notAPoint));
        Assert.Null(VerificationKeyCache.Get(notAPoint));
    }
}
