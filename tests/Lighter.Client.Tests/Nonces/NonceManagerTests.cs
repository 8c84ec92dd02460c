using System.Collections.Concurrent;
using Lighter.Client.Nonces;

namespace Lighter.Client.Tests.Nonces;

public class NonceManagerTests
{
    private static NonceManager Create(Func<long> serverNext, Action? onFetch = null) =>
        new(7, 3, async _ =>
        {
            await Task.Yield();
            onFetch?.Invoke();
            return serverNext();
        });

    [Fact]
    public async Task First_acquire_starts_at_the_servers_next_nonce_and_counts_up()
    {
        var manager = Create(() => 722);
        var a = await manager.AcquireAsync();
        var b = await manager.AcquireAsync();
        Assert.Equal(722, a.Nonce);
        Assert.Equal(723, b.Nonce);
    }

    [Fact]
    public async Task Concurrent_first_callers_share_one_fetch()
    {
        var fetches = 0;
        var manager = Create(() => 10, () => Interlocked.Increment(ref fetches));
        var leases = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => manager.AcquireAsync().AsTask()));
        Assert.Equal(1, fetches);
        Assert.Equal(Enumerable.Range(10, 64).Select(i => (long)i), leases.Select(l => l.Nonce).Order());
    }

    [Fact]
    public async Task First_callers_racing_on_many_threads_start_one_fetch_and_never_share_a_nonce()
    {
        // Regression: two racing first callers each started a fetch, and the late one reset the sequence after
        // nonces were handed out, so the same nonce went out twice.
        for (var round = 0; round < 200; round++)
        {
            var fetches = 0;
            var answer = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            var manager = new NonceManager(7, 3, _ =>
            {
                Interlocked.Increment(ref fetches);
                return answer.Task;
            });
            using var start = new Barrier(8);
            var callers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                start.SignalAndWait();
                var first = await manager.AcquireAsync();
                var second = await manager.AcquireAsync();
                return new[] { first.Nonce, second.Nonce };
            })).ToArray();
            while (Volatile.Read(ref fetches) == 0) await Task.Yield();
            answer.SetResult(500);

            var nonces = (await Task.WhenAll(callers)).SelectMany(n => n).Order().ToArray();
            Assert.Equal(1, fetches);
            Assert.Equal(Enumerable.Range(500, 16).Select(i => (long)i), nonces);
        }
    }

    [Fact]
    public async Task Ten_thousand_acquisitions_from_eight_tasks_are_distinct_and_consecutive()
    {
        var manager = Create(() => 1000);
        var seen = new ConcurrentBag<long>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 1250; i++)
            {
                var lease = await manager.AcquireAsync();
                seen.Add(lease.Nonce);
                manager.Commit(lease);
            }
        })));
        Assert.Equal(Enumerable.Range(1000, 10_000).Select(i => (long)i), seen.Order());
        Assert.Equal(0, manager.InFlight);
    }

    [Fact]
    public async Task Released_nonces_are_reused_so_committed_nonces_stay_gap_free_under_concurrency()
    {
        var manager = Create(() => 0);
        var committed = new ConcurrentBag<long>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            for (var i = 0; i < 1000; i++)
            {
                while (true)
                {
                    var lease = await manager.AcquireAsync();
                    if (random.Next(4) == 0)
                    {
                        manager.Release(lease); // the send failed before reaching the server
                        continue;
                    }

                    committed.Add(lease.Nonce);
                    manager.Commit(lease);
                    break;
                }
            }
        })));
        Assert.Equal(Enumerable.Range(0, 8000).Select(i => (long)i), committed.Order());
        Assert.Equal(8000, manager.PeekNext);
    }

    [Fact]
    public async Task Releasing_the_latest_nonce_rolls_the_counter_back()
    {
        var manager = Create(() => 5);
        var a = await manager.AcquireAsync();
        manager.Release(a);
        var b = await manager.AcquireAsync();
        Assert.Equal(5, b.Nonce);
        Assert.Equal(6, manager.PeekNext);
    }

    [Fact]
    public async Task Releasing_an_older_nonce_hands_it_to_the_next_caller()
    {
        var manager = Create(() => 5);
        var a = await manager.AcquireAsync();
        var b = await manager.AcquireAsync();
        manager.Release(a);
        manager.Commit(b);
        Assert.Equal(5, (await manager.AcquireAsync()).Nonce);
        Assert.Equal(7, (await manager.AcquireAsync()).Nonce);
    }

    [Fact]
    public async Task Resync_moves_forward_when_the_server_is_ahead_and_drops_stale_released_nonces()
    {
        long server = 5;
        var manager = Create(() => server);
        var a = await manager.AcquireAsync();
        var b = await manager.AcquireAsync();
        server = 100; // another process used the key
        manager.Release(a);
        await manager.ResyncAsync(b);
        Assert.Equal(100, (await manager.AcquireAsync()).Nonce);
        Assert.Equal(101, (await manager.AcquireAsync()).Nonce);
    }

    [Fact]
    public async Task Resync_refills_a_gap_when_nothing_else_is_in_flight()
    {
        long server = 0;
        var manager = Create(() => server);
        var lost = await manager.AcquireAsync();
        manager.Commit(lost); // we believed it landed, but it never did
        var rejected = await manager.AcquireAsync();
        await manager.ResyncAsync(rejected); // server still waits for 0
        Assert.Equal(0, (await manager.AcquireAsync()).Nonce);
        Assert.Equal(1, (await manager.AcquireAsync()).Nonce);
    }

    [Fact]
    public async Task Resync_keeps_outstanding_nonces_and_reuses_the_rejected_one_while_others_are_in_flight()
    {
        var manager = Create(() => 0);
        var first = await manager.AcquireAsync();
        var rejected = await manager.AcquireAsync();
        var third = await manager.AcquireAsync();
        await manager.ResyncAsync(rejected); // first and third are still in flight
        var retry = await manager.AcquireAsync();
        Assert.Equal(rejected.Nonce, retry.Nonce);
        Assert.Equal(new long[] { 0, 1, 2 }, new[] { first.Nonce, retry.Nonce, third.Nonce });
        Assert.Equal(3, (await manager.AcquireAsync()).Nonce);
    }

    [Fact]
    public async Task A_failed_first_fetch_surfaces_and_the_next_call_fetches_again()
    {
        var calls = 0;
        var manager = new NonceManager(1, 0, _ => ++calls == 1
            ? Task.FromException<long>(new HttpRequestException("down"))
            : Task.FromResult(42L));
        await Assert.ThrowsAsync<HttpRequestException>(() => manager.AcquireAsync().AsTask());
        Assert.Equal(42, (await manager.AcquireAsync()).Nonce);
    }
}
