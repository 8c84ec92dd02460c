using Lighter.Signing.Transactions;
using Lighter.Client;
using Lighter.Signing;
using Microsoft.Extensions.Time.Testing;

namespace Lighter.Testing.Tests.Integration;

/// <summary>Many concurrent orders on one API key against the sandbox's out-of-order nonce window.</summary>
public sealed class ConcurrentSubmissionTests
{
    private const int Orders = 48;

    [Fact]
    public async Task A_stalled_request_holds_later_nonces_inside_the_window_so_no_order_is_refused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await LighterSandbox.StartAsync(new LighterSandboxOptions { TimeProvider = clock });
        using var key = LighterPrivateKey.Generate();
        var account = sandbox.CreateAccount(usdc: 1_000_000m);
        sandbox.RegisterApiKey(account.Index, 3, key.PublicKey);
        using var client = LighterClient.Create(new LighterClientOptions
        {
            Environment = "custom", BaseUrl = sandbox.BaseUri, WebSocketUrl = sandbox.WebSocketUri,
            ChainId = (int)sandbox.ChainId, AccountIndex = account.Index, ApiKeyIndex = 3,
            PrivateKey = key.ExportHex(), RateLimitTier = RateLimitTier.Unlimited,
        });
        await client.CreateLimitOrderAsync(0, OrderSide.Buy, 0.01m, 2000m); // nonce sequence and metadata warmed up

        // One sendTx stalls (on the sandbox's clock) while the others run ahead of it.
        sandbox.Faults.DelayNext(TimeSpan.FromSeconds(5), times: 1, pathPrefix: "/api/v1/sendTx");
        var completed = 0;
        var orders = Enumerable.Range(1, Orders).Select(i => Task.Run(async () =>
        {
            var submission = await client.CreateLimitOrderAsync(0, OrderSide.Buy, 0.01m, 2000m + i);
            Interlocked.Increment(ref completed);
            return submission;
        })).ToArray();

        using (var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            // Up to 15 nonces past the stalled one can complete; the rest wait for it instead of being refused.
            while (Volatile.Read(ref completed) < LighterClientOptions.DefaultNonceWindow - 1)
            {
                await Task.Delay(10, guard.Token);
            }
        }

        Assert.True(Volatile.Read(ref completed) < Orders, "nothing waited for the stalled request");
        Assert.DoesNotContain(orders, o => o.IsFaulted);
        clock.Advance(TimeSpan.FromSeconds(5));
        var submissions = await Task.WhenAll(orders).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(Enumerable.Range(1, Orders).Select(i => (long)i), submissions.Select(s => s.Nonce).Order());
        Assert.Equal(Orders + 1, sandbox.GetNextNonce(account.Index, 3));
    }
}
