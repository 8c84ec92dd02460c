using Lighter.Client.Diagnostics;
using Lighter.Client.Nonces;
using Lighter.Client.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Lighter.Client.Tests.Nonces;

/// <summary>
/// <c>lighter.nonce.resyncs</c> and <c>lighter.nonce.holes</c>. Each test uses an account index no other test uses,
/// since the listener also sees the nonce managers of tests running beside it.
/// </summary>
public sealed class NonceTelemetryTests : IDisposable
{
    private readonly MetricCapture _holes = new(LighterTelemetry.NonceHolesInstrument);
    private readonly MetricCapture _resyncs = new(LighterTelemetry.NonceResyncsInstrument);

    public void Dispose()
    {
        _holes.Dispose();
        _resyncs.Dispose();
    }

    private static NonceManager Create(long account, Func<long> server, TimeProvider? time = null, TimeSpan? stallGrace = null) =>
        new(account, 5, _ => Task.FromResult(server()), timeProvider: time, stallGrace: stallGrace);

    private Dictionary<string, double> HolesOf(long account) => _holes.SumBy("lighter.account_index", account, "lighter.hole");

    private List<(object? Trigger, object? Result)> ResyncsOf(long account) =>
        _resyncs.Where("lighter.account_index", account).Select(m => (m.Tag("lighter.trigger"), m.Tag("lighter.result"))).ToList();

    [Fact]
    public async Task A_nonce_released_below_the_newest_opens_a_hole_that_the_next_acquire_fills()
    {
        const long account = 910_001;
        var manager = Create(account, () => 10);
        var first = await manager.AcquireAsync();
        var second = await manager.AcquireAsync();
        manager.Release(second); // the newest: the counter rolls back, no hole
        Assert.Empty(HolesOf(account));

        second = await manager.AcquireAsync();
        manager.Release(first);
        Assert.Equal(new Dictionary<string, double> { ["opened"] = 1 }, HolesOf(account));
        Assert.Equal(10, (await manager.AcquireAsync()).Nonce);

        Assert.Equal(new Dictionary<string, double> { ["opened"] = 1, ["filled"] = 1 }, HolesOf(account));
        var tags = Assert.Single(_holes.Where("lighter.account_index", account), m => Equals(m.Tag("lighter.hole"), "filled")).Tags;
        Assert.Contains(new KeyValuePair<string, object?>("lighter.api_key_index", 5), tags);
    }

    [Fact]
    public async Task Releasing_the_newest_nonce_rolls_back_over_the_holes_below_it()
    {
        const long account = 910_002;
        var manager = Create(account, () => 0);
        var leases = new[] { await manager.AcquireAsync(), await manager.AcquireAsync(), await manager.AcquireAsync() };
        manager.Release(leases[0]);
        manager.Release(leases[1]);
        manager.Release(leases[2]);

        Assert.Equal(new Dictionary<string, double> { ["opened"] = 2, ["rolled_back"] = 2 }, HolesOf(account));
        Assert.Equal(0, manager.PeekNext);
    }

    [Fact]
    public async Task A_batch_takes_holes_first_and_counts_each_as_filled()
    {
        const long account = 910_003;
        var manager = Create(account, () => 0);
        var leases = await manager.AcquireBatchAsync(4);
        manager.Release(leases[0]);
        manager.Release(leases[2]);
        var batch = await manager.AcquireBatchAsync(3);

        Assert.Equal([0L, 2L, 4L], batch.Select(l => l.Nonce));
        Assert.Equal(new Dictionary<string, double> { ["opened"] = 2, ["filled"] = 2 }, HolesOf(account));
    }

    [Fact]
    public async Task A_refresh_that_finds_the_exchange_ahead_counts_a_resync_and_skips_the_holes_below_it()
    {
        const long account = 910_004;
        long server = 20;
        var manager = Create(account, () => server);
        var first = await manager.AcquireAsync();
        _ = await manager.AcquireAsync();
        manager.Release(first); // 20 is a hole
        server = 22; // another holder of the key used 20 and 21

        await manager.RefreshAsync();

        Assert.Equal([("refresh", "advanced")], ResyncsOf(account));
        Assert.Equal(new Dictionary<string, double> { ["opened"] = 1, ["skipped"] = 1 }, HolesOf(account));
        var tags = Assert.Single(_resyncs.Where("lighter.account_index", account)).Tags;
        Assert.Contains(new KeyValuePair<string, object?>("lighter.api_key_index", 5), tags);
    }

    [Fact]
    public async Task The_first_fetch_is_no_resync_and_an_invalid_nonce_resync_in_step_is_tagged_so()
    {
        const long account = 910_005;
        var manager = Create(account, () => 7);
        var lease = await manager.AcquireAsync();
        Assert.Empty(ResyncsOf(account));

        await manager.ResyncAsync(lease);

        Assert.Equal([("invalid_nonce", "in_sync")], ResyncsOf(account));
    }

    [Fact]
    public async Task A_stall_counts_behind_then_repaired_and_the_repaired_nonce_is_one_hole_filled_by_the_next_transaction()
    {
        const long account = 910_006;
        var time = new FakeTimeProvider();
        long server = 0;
        var manager = Create(account, () => server, time);
        for (var i = 0; i < 3; i++) manager.Commit(await manager.AcquireAsync());
        server = 1; // the exchange never got nonce 1

        await manager.RefreshAsync();
        time.Advance(TimeSpan.FromSeconds(1));
        await manager.RefreshAsync();
        Assert.Equal(new Dictionary<string, double> { ["repaired"] = 1 }, HolesOf(account));
        Assert.Equal(1, (await manager.AcquireAsync()).Nonce);

        Assert.Equal([("refresh", "behind"), ("refresh", "repaired")], ResyncsOf(account));
        Assert.Equal(new Dictionary<string, double> { ["repaired"] = 1, ["filled"] = 1 }, HolesOf(account));
    }

    [Fact]
    public async Task Over_random_histories_holes_opened_and_repaired_equal_holes_closed_plus_those_still_open()
    {
        // opened + repaired = filled + rolled_back + skipped + ReleasedCount: every change of the hole set is counted once.
        for (var seed = 0; seed < 20; seed++)
        {
            var account = 911_000 + seed;
            var random = new Random(seed);
            long server = 100;
            var manager = Create(account, () => server, stallGrace: TimeSpan.Zero);
            var open = new List<NonceLease>();
            for (var step = 0; step < 400; step++)
            {
                var roll = random.Next(10);
                var canTake = manager.ReleasedCount > 0 || manager.PeekNext - manager.ConfirmedNext < LighterClientOptions.DefaultNonceWindow;
                if (roll < 4 && canTake)
                {
                    open.Add(await manager.AcquireAsync());
                }
                else if (roll < 8 && open.Count > 0)
                {
                    var lease = open[random.Next(open.Count)];
                    open.Remove(lease);
                    if (random.Next(2) == 0) manager.Commit(lease);
                    else manager.Release(lease);
                }
                else if (roll == 8)
                {
                    server = Math.Max(0, manager.ConfirmedNext + random.Next(-2, 3)); // behind, in step or ahead
                    await manager.RefreshAsync();
                }
                else if (canTake && random.Next(2) == 0)
                {
                    open.AddRange(await manager.AcquireBatchAsync(random.Next(1, 4)));
                }
            }

            var holes = HolesOf(account);
            double Count(string kind) => holes.GetValueOrDefault(kind);
            Assert.True(Count("opened") + Count("repaired") > 0, $"seed {seed} opened no hole");
            Assert.Equal(Count("opened") + Count("repaired"), Count("filled") + Count("rolled_back") + Count("skipped") + manager.ReleasedCount);
        }
    }
}
