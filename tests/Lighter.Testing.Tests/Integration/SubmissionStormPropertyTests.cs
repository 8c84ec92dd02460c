using System.Collections.Concurrent;
using FsCheck.Xunit;
using Lighter.Client;
using Lighter.Client.Nonces;
using Lighter.Client.Submission;
using Lighter.Signing;
using Lighter.Signing.Transactions;
using Lighter.Testing.Faults;

namespace Lighter.Testing.Tests.Integration;

/// <summary>
/// Under seeded storms of 429s, 5xx (half of them "applied, then 503"), reordering delays and the exchange's nonce
/// window, what the client reports accepted is exactly what the sandbox holds: every order accepted once, nonces
/// gap-free from the key's first, no hash twice, nothing left pending. FsCheck draws the seeds (fixed by Replay, so
/// CI runs the same 210 cases every time); each seed picks the fault shares (10–30 % each), the callers (8 or 32)
/// and the order count.
/// </summary>
public sealed class SubmissionStormPropertyTests(SubmissionStormPropertyTests.SandboxHost host) : IClassFixture<SubmissionStormPropertyTests.SandboxHost>
{
    private const string Replay = "20261206,8675309";

    [Property(MaxTest = 70, Replay = Replay, QuietOnSuccess = true)]
    public Task<bool> Single_sends_under_a_storm_end_with_the_same_set_on_both_sides(int seed) => RunAsync(seed, Mode.Single);

    [Property(MaxTest = 70, Replay = Replay, QuietOnSuccess = true)]
    public Task<bool> Batches_under_a_storm_end_with_the_same_set_on_both_sides(int seed) => RunAsync(seed, Mode.Batch);

    [Property(MaxTest = 70, Replay = Replay, QuietOnSuccess = true)]
    public Task<bool> Mixed_callers_under_a_storm_end_with_the_same_set_on_both_sides(int seed) => RunAsync(seed, Mode.Mixed);

    [Fact]
    public async Task The_storm_really_applies_some_transactions_before_answering_503()
    {
        for (var seed = 0; seed < 5; seed++) await RunAsync(seed, Mode.Single);
        Assert.True(host.AppliedThenFailed > 0, "no transaction was applied before its 503: the property tests would not cover that case");
        Assert.True(host.FoundByHash > 0, "no applied-then-503 transaction was found by hash");
    }

    private enum Mode
    {
        Single,
        Batch,
        Mixed,
    }

    private Task<bool> RunAsync(int seed, Mode mode) => Task.Run(async () =>
    {
        var random = new Random(seed);
        var share = 0.10 + random.Next(21) / 100.0;
        var callers = random.Next(2) == 0 ? 8 : 32;
        var orders = 24 + random.Next(17);
        var storm = new SandboxStorm { Seed = seed, RateLimitShare = share, ServerErrorShare = share, MaxDelay = TimeSpan.FromMilliseconds(5) };
        await using var run = await host.StartRunAsync(storm);

        var reported = new ConcurrentBag<TxSubmission>();
        var failures = new ConcurrentQueue<Exception>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var batches = mode == Mode.Batch || (mode == Mode.Mixed && caller % 2 == 1);
            while (true)
            {
                var size = batches ? 2 + (caller % 4) : 1;
                var first = Interlocked.Add(ref next, size) - size + 1;
                if (first >= orders) return;
                var group = Enumerable.Range(first, Math.Min(size, orders - first)).Select(Order).ToList();
                try
                {
                    if (group.Count == 1) reported.Add(await run.Client.SubmitAsync(group[0]));
                    else foreach (var s in await run.Client.SubmitBatchAsync(group)) reported.Add(s);
                }
                catch (LighterApiException ex)
                {
                    failures.Enqueue(ex);
                }
            }
        })));
        run.StopStorm();

        var held = run.Held();
        var nonces = (NonceManager)run.Client.Submitter!.Nonces;
        var context = $"seed {seed}, {mode}, {callers} callers, {orders} orders, share {share:0.00}";
        Assert.True(failures.IsEmpty, $"{context}: {failures.Count} failed, first: {failures.FirstOrDefault()?.Message}");
        Assert.Equal(orders, reported.Count);
        Assert.Equal(reported.Count, reported.Select(r => r.TxHash).Distinct().Count());
        Assert.Equal(reported.Select(r => r.TxHash).Order(StringComparer.Ordinal), held.Select(t => t.Hash).Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(0, orders).Select(i => (long)i), held.Select(t => t.Nonce).Order());
        Assert.Equal(0, nonces.InFlight);
        Assert.Equal(0, nonces.ReleasedCount);
        Assert.Equal(orders, nonces.ConfirmedNext);
        host.Record(reported);
        return true;
    });

    private static CreateOrder Order(int i) => new()
    {
        MarketIndex = 0,
        ClientOrderIndex = i + 1,
        BaseAmount = 100,          // 0.01 ETH
        Price = 100_000 + (uint)i, // 1,000.xx: far below the market, so nothing trades
        Side = OrderSide.Buy,
        Type = OrderType.Limit,
        TimeInForce = OrderTimeInForce.GoodTillTime,
        OrderExpiry = DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeMilliseconds(),
    };

    /// <summary>One sandbox for every case; each case gets a fresh account and key, so nonces start at 0.</summary>
    public sealed class SandboxHost : IAsyncLifetime
    {
        private LighterSandbox? _sandbox;
        private long _appliedThenFailed;
        private long _foundByHash;

        public long AppliedThenFailed => Interlocked.Read(ref _appliedThenFailed);

        public long FoundByHash => Interlocked.Read(ref _foundByHash);

        public async Task InitializeAsync() => _sandbox = await LighterSandbox.StartAsync();

        public async Task DisposeAsync()
        {
            if (_sandbox is not null) await _sandbox.DisposeAsync();
        }

        public void Record(IEnumerable<TxSubmission> submissions) =>
            Interlocked.Add(ref _foundByHash, submissions.Count(s => s.Verdict == TxVerdict.FoundByHash));

        public async Task<StormRun> StartRunAsync(SandboxStorm storm)
        {
            var sandbox = _sandbox!;
            using var key = LighterPrivateKey.Generate();
            var account = sandbox.CreateAccount(usdc: 10_000_000m);
            sandbox.RegisterApiKey(account.Index, 3, key.PublicKey);
            var client = LighterClient.Create(new LighterClientOptions
            {
                Environment = "custom", BaseUrl = sandbox.BaseUri, WebSocketUrl = sandbox.WebSocketUri,
                ChainId = (int)sandbox.ChainId, AccountIndex = account.Index, ApiKeyIndex = 3,
                PrivateKey = key.ExportHex(), RateLimitTier = RateLimitTier.Unlimited,
                RetryBaseDelay = TimeSpan.FromMilliseconds(1), CircuitBreakDuration = TimeSpan.FromMilliseconds(500),
                SubmissionRetry = new SubmissionRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(20) },
            });
            sandbox.Faults.StartStorm(storm);
            await Task.CompletedTask;
            return new StormRun(this, sandbox, account.Index, client);
        }

        public void AddApplied(long count) => Interlocked.Add(ref _appliedThenFailed, count);
    }

    public sealed class StormRun(SandboxHost host, LighterSandbox sandbox, long accountIndex, LighterClient client) : IAsyncDisposable
    {
        public LighterClient Client { get; } = client;

        public void StopStorm()
        {
            host.AddApplied(sandbox.Faults.StormStats?.AppliedThenServerErrors ?? 0);
            sandbox.Faults.StopStorm();
        }

        public IReadOnlyList<SandboxTransaction> Held() => sandbox.GetTransactions(accountIndex);

        public ValueTask DisposeAsync()
        {
            sandbox.Faults.StopStorm();
            Client.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
