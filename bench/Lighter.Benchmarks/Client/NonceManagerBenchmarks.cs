using BenchmarkDotNet.Attributes;
using Lighter.Client.Nonces;

namespace Lighter.Benchmarks.Client;

/// <summary>
/// The nonce sequence's own cost per transaction (lease + commit, and lease + release + re-lease of a hole), on one
/// thread and with 8 threads contending for the lock; the window is wide enough never to wait.
/// </summary>
[MemoryDiagnoser]
public class NonceManagerBenchmarks
{
    private const int Operations = 1_000;
    private NonceManager _manager = null!;

    [GlobalSetup]
    public void Setup()
    {
        _manager = new NonceManager(7, 3, _ => Task.FromResult(0L), window: int.MaxValue);
        _manager.Commit(_manager.AcquireAsync().AsTask().GetAwaiter().GetResult()); // initialised
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public async Task AcquireCommit()
    {
        for (var i = 0; i < Operations; i++) _manager.Commit(await _manager.AcquireAsync());
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public async Task AcquireReleaseReacquire()
    {
        for (var i = 0; i < Operations; i++)
        {
            var first = await _manager.AcquireAsync();
            var second = await _manager.AcquireAsync();
            _manager.Release(first); // a hole below the newest lease
            _manager.Commit(second);
            _manager.Commit(await _manager.AcquireAsync()); // takes the hole
        }
    }

    [Benchmark(OperationsPerInvoke = Operations * 8)]
    public Task AcquireCommitEightThreads() => Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
    {
        for (var i = 0; i < Operations; i++) _manager.Commit(await _manager.AcquireAsync());
    })));
}
