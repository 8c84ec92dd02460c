using Lighter.Client.Streaming;
using Microsoft.Extensions.Time.Testing;

namespace Lighter.Client.Tests.Streaming;

public sealed class TimingPolicyTests
{
    [Fact]
    public void Backoff_doubles_from_one_second_to_the_sixty_second_cap_and_resets()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), 0.2, () => 0.5); // 0.5 = no jitter
        var delays = Enumerable.Range(0, 9).Select(_ => backoff.Next().TotalSeconds).ToArray();
        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60], delays);
        backoff.Reset();
        Assert.Equal(1, backoff.Next().TotalSeconds);
    }

    [Theory]
    [InlineData(0.0, 3.2)]
    [InlineData(1.0, 4.8)]
    public void Jitter_spreads_the_delay_within_the_configured_fraction(double random, double expectedSeconds)
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), 0.2, () => random);
        backoff.Next();
        backoff.Next();
        Assert.Equal(expectedSeconds, backoff.Next().TotalSeconds, precision: 6); // base 4 s ±20 %
    }

    [Fact]
    public async Task The_send_limiter_holds_the_message_beyond_the_budget_until_the_window_rolls()
    {
        var time = new FakeTimeProvider();
        var limiter = new SendRateLimiter(3, TimeSpan.FromMinutes(1), time);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(limiter.WaitAsync("subscribe", CancellationToken.None).IsCompletedSuccessfully);
        }

        var fourth = limiter.WaitAsync("subscribe", CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(fourth.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await fourth.WaitAsync(TestWait.Guard);
    }

    [Fact]
    public async Task Auth_tokens_are_reused_until_they_near_expiry()
    {
        var time = new FakeTimeProvider();
        var issued = 0;
        var cache = new StreamAuthTokenCache(
            new DelegateAuthTokenProvider(_ => ValueTask.FromResult(FakeAuthTokens.Issue(++issued, time.GetUtcNow().AddMinutes(10)))),
            time,
            TimeSpan.FromMinutes(1));
        Assert.True(FakeAuthTokens.IsSerial((await cache.GetAsync(CancellationToken.None)).Value, 1));
        time.Advance(TimeSpan.FromMinutes(8));
        Assert.True(FakeAuthTokens.IsSerial((await cache.GetAsync(CancellationToken.None)).Value, 1));
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(FakeAuthTokens.IsSerial((await cache.GetAsync(CancellationToken.None)).Value, 2));
        var token = FakeAuthTokens.Issue(2, time.GetUtcNow());
        Assert.DoesNotContain(token.Value.Split(':')[^1], token.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Options_name_the_invalid_setting()
    {
        var options = new LighterWebSocketOptions { ReconnectMaxDelay = TimeSpan.FromMilliseconds(10) };
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new LighterWebSocketClient(options));
        Assert.Equal("ReconnectMaxDelay", error.ParamName);
    }
}
