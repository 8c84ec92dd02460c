using Lighter.Client.RateLimits;
using Lighter.Client.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Lighter.Client.Tests.RateLimits;

public class LighterRateLimiterTests
{
    private readonly FakeTimeProvider _time = new();

    [Theory]
    [InlineData("sendTx", 6)]
    [InlineData("nextNonce", 6)]
    [InlineData("apikeys", 150)]
    [InlineData("recentTrades", 600)]
    [InlineData("referral/points", 3000)]
    [InlineData("tokens/create", 23_000)]
    [InlineData("orderBookDetails", 300)]
    public void Documented_weights_are_applied(string operation, int weight) => Assert.Equal(weight, EndpointWeights.Of(operation));

    [Fact]
    public async Task Standard_tier_lets_60_requests_through_then_queues_the_61st_until_a_minute_has_passed()
    {
        using var limiter = new LighterRateLimiter(new LighterClientOptions { RateLimitTier = RateLimitTier.Standard }, _time);
        for (var i = 0; i < 60; i++)
        {
            var permit = limiter.AcquireAsync(i % 2 == 0 ? "sendTx" : "orderBooks");
            Assert.True(permit.IsCompleted, $"request {i} should not wait");
            (await permit).Dispose();
        }

        var start = _time.GetUtcNow();
        var queued = limiter.AcquireAsync("sendTx").AsTask();
        Assert.False(queued.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(queued.IsCompleted, "a permit must not come back before a full minute");
        (await _time.PumpAsync(queued, TimeSpan.FromSeconds(1))).Dispose();
        Assert.InRange(_time.GetUtcNow() - start, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(62));
    }

    [Fact]
    public async Task Premium_tier_keeps_sendTx_in_its_own_bucket_and_charges_weights_for_reads()
    {
        using var limiter = new LighterRateLimiter(new LighterClientOptions { RateLimitTier = RateLimitTier.Premium, SendTxPerMinute = 5 }, _time);
        for (var i = 0; i < 80; i++) (await limiter.AcquireAsync("orderBooks")).Dispose(); // 80 x 300 = 24,000
        Assert.False(limiter.AcquireAsync("orderBooks").IsCompleted);
        for (var i = 0; i < 5; i++) Assert.True(limiter.AcquireAsync("sendTx").IsCompleted, "sendTx must not wait for the REST budget");
        Assert.False(limiter.AcquireAsync("sendTx").IsCompleted);
    }

    [Fact]
    public async Task A_full_queue_fails_fast_with_a_transient_error()
    {
        using var limiter = new LighterRateLimiter(new LighterClientOptions { RestBudgetPerMinute = 1, RateLimitQueueLimit = 1 }, _time);
        (await limiter.AcquireAsync("orderBooks")).Dispose();
        _ = limiter.AcquireAsync("orderBooks");
        var error = await Assert.ThrowsAsync<LighterApiException>(() => limiter.AcquireAsync("orderBooks").AsTask());
        Assert.True(error.IsTransient);
        Assert.Contains("rate-limit queue is full", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unlimited_tier_never_waits()
    {
        using var limiter = new LighterRateLimiter(new LighterClientOptions { RateLimitTier = RateLimitTier.Unlimited }, _time);
        for (var i = 0; i < 1000; i++) Assert.True(limiter.AcquireAsync("sendTx").IsCompleted);
    }
}
