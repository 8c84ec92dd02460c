using Lighter.Signing.Primitives;
using BenchmarkDotNet.Attributes;
using Lighter.Signing;
using Lighter.Signing.Crypto;

namespace Lighter.Benchmarks.Crypto;

/// <summary>
/// Schnorr signing when the commitment pool has a precomputed (k, k·G) ready: each iteration pre-fills the pool
/// (not measured) and then takes <see cref="Batch"/> signatures from it.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1, unrollFactor: 1)] // one batch per iteration, right after the refill
public class CommitmentPoolBenchmarks
{
    private const int Batch = 2048;
    private readonly byte[] _signature = new byte[80];
    private LighterPrivateKey _key = null!;
    private SchnorrCommitmentPool _pool = null!;
    private Fp5 _message;

    [GlobalSetup]
    public void Setup()
    {
        _key = LighterPrivateKey.Parse("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728");
        _pool = new SchnorrCommitmentPool(_key, Batch, backgroundRefill: false);
        _message = new Fp5(1, 2, 3, 4, 5);

        // One pooled iteration runs once per BenchmarkDotNet iteration, too rarely for tiered compilation to have
        // optimised it by the time it is measured: run it a few times first and give the JIT time to finish.
        for (var i = 0; i < 4; i++)
        {
            Refill();
            SignPooled();
            Thread.Sleep(250);
        }
    }

    [IterationSetup]
    public void Refill() => _pool.Fill();

    [GlobalCleanup]
    public void Cleanup()
    {
        _pool.Dispose();
        _key.Dispose();
    }

    [Benchmark(Description = "Schnorr sign (pooled commitment)", OperationsPerInvoke = Batch)]
    public byte[] SignPooled()
    {
        for (var i = 0; i < Batch; i++)
        {
            Schnorr.Sign(_key, _message, _signature, _pool);
        }

        return _signature;
    }
}
