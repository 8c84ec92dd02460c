using System.Collections.Concurrent;
using Lighter.Client.Nonces;

namespace Lighter.Client.Tests.Nonces;

public class NonceManagerTests
{
    private static NonceManager Create(Func<long> serverNext, Action? onFetch = null, int window = LighterClientOptions.DefaultNonceWindow) =>
        new(7, 3, async _ =>
        {
            await Task.Yield();
            onFetch?.Invoke();
            return serverNext();
        }, window);

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
        var manager = Create(() => 10, () => Interlocked.Increment(ref fetches), window: 64);
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
    public async Task A_gap_the_exchange_keeps_waiting_for_is_refilled_on_the_second_look()
    {
        long server = 0;
        var manager = new NonceManager(7, 3, _ => Task.FromResult(server), stallGrace: TimeSpan.Zero);
        var lost = await manager.AcquireAsync();
        manager.Commit(lost); // we believed it landed, but it never did
        var rejected = await manager.AcquireAsync();
        await manager.ResyncAsync(rejected); // server still waits for 0: suspected only (it may be lagging)
        Assert.Equal(1, manager.ConfirmedNext);
        await manager.RefreshAsync();        // still 0: the gap is real
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

    [Fact]
    public async Task A_refresh_finishing_before_the_first_fetch_is_not_undone_by_it()
    {
        // Regression: InitializeAsync reset the sequence after a concurrent RefreshAsync had initialized it and
        // leases had gone out, so the same nonce was handed out twice.
        var answers = new ConcurrentQueue<TaskCompletionSource<long>>();
        var manager = new NonceManager(7, 3, _ =>
        {
            var answer = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            answers.Enqueue(answer);
            return answer.Task;
        });
        var first = manager.AcquireAsync().AsTask(); // starts the initial fetch
        var refresh = manager.RefreshAsync();        // a second fetch
        while (answers.Count < 2) await Task.Yield();
        var pending = answers.ToArray();
        pending[1].SetResult(10);
        await refresh;
        var early = await manager.AcquireAsync();    // initialized by the refresh
        pending[0].SetResult(10);
        var late = await first;
        Assert.Equal(10, early.Nonce);
        Assert.Equal(11, late.Nonce);
        Assert.Equal(12, (await manager.AcquireAsync()).Nonce);
    }

    private static NonceManager Fixed(long serverNext, int window = 16, TimeProvider? time = null, Func<long>? next = null) =>
        new(7, 3, _ => Task.FromResult(next?.Invoke() ?? serverNext), window, time, stallGrace: TimeSpan.FromSeconds(1));

    [Fact]
    public async Task The_seventeenth_fresh_acquire_waits_with_window_16_until_the_lowest_is_committed()
    {
        var manager = Fixed(0);
        var leases = new List<NonceLease>();
        for (var i = 0; i < 16; i++) leases.Add(await manager.AcquireAsync());
        var waiting = manager.AcquireAsync().AsTask();
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        manager.Commit(leases[5]); // out of order: the window does not move
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        Assert.Equal(0, manager.ConfirmedNext);
        manager.Commit(leases[0]);
        Assert.Equal(16, (await waiting.WaitAsync(TimeSpan.FromSeconds(5))).Nonce);
        Assert.Equal(1, manager.ConfirmedNext);
    }

    [Fact]
    public async Task A_released_nonce_is_handed_out_while_the_window_is_full()
    {
        var manager = Fixed(0);
        var leases = new List<NonceLease>();
        for (var i = 0; i < 16; i++) leases.Add(await manager.AcquireAsync());
        manager.Release(leases[3]);
        Assert.Equal(3, (await manager.AcquireAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5))).Nonce);
    }

    [Fact]
    public async Task Commit_out_of_order_advances_ConfirmedNext_only_when_the_lowest_is_used()
    {
        var manager = Fixed(0);
        var a = await manager.AcquireAsync();
        var b = await manager.AcquireAsync();
        var c = await manager.AcquireAsync();
        manager.Commit(c);
        manager.Commit(b);
        Assert.Equal(0, manager.ConfirmedNext);
        manager.Commit(a);
        Assert.Equal(3, manager.ConfirmedNext);
        Assert.Equal(0, manager.InFlight);
    }

    [Fact]
    public async Task Refresh_with_the_server_ahead_raises_ConfirmedNext_and_drops_stale_released_nonces()
    {
        long server = 0;
        var manager = Fixed(0, next: () => server);
        var a = await manager.AcquireAsync();
        var b = await manager.AcquireAsync();
        var c = await manager.AcquireAsync();
        manager.Release(a);
        Assert.Equal(1, manager.ReleasedCount);
        server = 2;
        Assert.Equal(2, await manager.RefreshAsync());
        Assert.Equal(2, manager.ConfirmedNext);
        Assert.Equal(0, manager.ReleasedCount);
        manager.Commit(b);
        manager.Commit(c);
        Assert.Equal(3, manager.ConfirmedNext);
        Assert.Equal(3, (await manager.AcquireAsync()).Nonce);
    }

    [Fact]
    public async Task A_stall_is_reported_first_then_repaired_after_the_grace_and_the_missing_nonce_goes_out_next()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        long server = 0;
        var manager = Fixed(0, time: time, next: () => server);
        var gaps = new List<NonceGap>();
        manager.GapDetected += (_, gap) => gaps.Add(gap);
        for (var i = 0; i < 3; i++) manager.Commit(await manager.AcquireAsync());
        server = 1; // the exchange never got nonce 1
        await manager.RefreshAsync();
        Assert.Equal(new NonceGap(1, 3, Repaired: false), Assert.Single(gaps));
        Assert.Equal(3, manager.ConfirmedNext);
        Assert.Equal(0, manager.ReleasedCount);
        time.Advance(TimeSpan.FromMilliseconds(500));
        await manager.RefreshAsync(); // inside the grace: nothing
        Assert.Single(gaps);
        time.Advance(TimeSpan.FromMilliseconds(600));
        await manager.RefreshAsync();
        Assert.Equal(new NonceGap(1, 3, Repaired: true), gaps[1]);
        Assert.Equal(1, (await manager.AcquireAsync()).Nonce);
        Assert.Equal(3, (await manager.AcquireAsync()).Nonce);
    }

    [Fact]
    public async Task A_server_that_catches_up_cancels_the_stall_suspicion()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        long server = 0;
        var manager = Fixed(0, time: time, next: () => server);
        var gaps = new List<NonceGap>();
        manager.GapDetected += (_, gap) => gaps.Add(gap);
        for (var i = 0; i < 3; i++) manager.Commit(await manager.AcquireAsync());
        server = 1;
        await manager.RefreshAsync();
        server = 3; // only lagging
        await manager.RefreshAsync();
        server = 1;
        time.Advance(TimeSpan.FromSeconds(2));
        await manager.RefreshAsync(); // a new suspicion, not a repair
        Assert.All(gaps, gap => Assert.False(gap.Repaired));
        Assert.Equal(3, (await manager.AcquireAsync()).Nonce);
    }

    [Fact]
    public async Task AcquireBatch_returns_released_first_then_a_consecutive_fresh_run()
    {
        var manager = Fixed(0);
        var fresh = await manager.AcquireBatchAsync(4);
        Assert.Equal(new long[] { 0, 1, 2, 3 }, fresh.Select(l => l.Nonce));
        manager.Release(fresh[1]);
        manager.Commit(fresh[0]);
        var mixed = await manager.AcquireBatchAsync(3);
        Assert.Equal(new long[] { 1, 4, 5 }, mixed.Select(l => l.Nonce));
    }

    [Fact]
    public async Task AcquireBatch_with_the_window_full_returns_only_the_released_nonces()
    {
        var manager = Fixed(0);
        var all = await manager.AcquireBatchAsync(16);
        manager.Release(all[2]);
        manager.Release(all[7]);
        var partial = await manager.AcquireBatchAsync(5).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(new long[] { 2, 7 }, partial.Select(l => l.Nonce));
    }

    [Fact]
    public async Task Cancelling_a_waiting_acquirer_leaks_nothing()
    {
        var manager = Fixed(0, window: 2);
        var a = await manager.AcquireAsync();
        var b = await manager.AcquireAsync();
        using var cts = new CancellationTokenSource();
        var waiting = manager.AcquireAsync(cts.Token).AsTask();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        manager.Release(b);
        manager.Release(a);
        Assert.Equal(0, manager.InFlight);
        Assert.Equal(0, manager.PeekNext);
        Assert.Equal(0, (await manager.AcquireAsync()).Nonce);
    }

    [Fact]
    public async Task A_gap_handler_that_throws_breaks_neither_the_refresh_nor_the_repair()
    {
        long server = 0;
        var manager = new NonceManager(7, 3, _ => Task.FromResult(server), stallGrace: TimeSpan.Zero);
        var reports = 0;
        manager.GapDetected += (_, _) =>
        {
            reports++;
            throw new InvalidOperationException("subscriber bug");
        };
        manager.Commit(await manager.AcquireAsync()); // counted as used, never landed

        await manager.RefreshAsync();
        await manager.RefreshAsync();

        Assert.Equal(2, reports);
        Assert.Equal(0, (await manager.AcquireAsync()).Nonce);
    }
}
