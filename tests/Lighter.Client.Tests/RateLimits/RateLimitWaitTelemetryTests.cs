using Lighter.Client.Diagnostics;
using Lighter.Client.RateLimits;
using Lighter.Client.Streaming;
using Lighter.Client.Tests.Streaming;
using Lighter.Client.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Lighter.Client.Tests.RateLimits;

/// <summary>
/// <c>lighter.rate_limit.wait</c>: only queued acquisitions are recorded, with the exact time queued on the fake clock.
/// Operation names are unique to each test, since the listener also sees other tests' limiters.
/// </summary>
public sealed class RateLimitWaitTelemetryTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly MetricCapture _waits = new(LighterTelemetry.RateLimitWaitInstrument);

    public void Dispose() => _waits.Dispose();

    [Fact]
    public async Task A_call_that_queues_on_the_standard_request_window_records_its_wait_and_one_that_fits_records_nothing()
    {
        const string operation = "waitProbeStandard";
        using var limiter = new LighterRateLimiter(new LighterClientOptions { RateLimitTier = RateLimitTier.Standard, RestBudgetPerMinute = 1 }, _time);
        (await limiter.AcquireAsync(operation)).Dispose();
        Assert.Empty(_waits.Where("lighter.operation", operation));

        var queued = limiter.AcquireAsync(operation).AsTask();
        _time.Advance(TimeSpan.FromSeconds(60));
        (await queued.WaitAsync(TestWait.Guard)).Dispose();

        var wait = Assert.Single(_waits.Where("lighter.operation", operation));
        Assert.Equal(60.0, wait.Value);
        Assert.Equal("rest_requests", wait.Tag("lighter.limiter"));
    }

    [Fact]
    public async Task A_call_that_queues_on_the_weight_window_is_tagged_rest_weight()
    {
        const string operation = "waitProbeWeight"; // unlisted: weight 300, the whole budget below
        using var limiter = new LighterRateLimiter(new LighterClientOptions { RateLimitTier = RateLimitTier.Premium, RestBudgetPerMinute = 300 }, _time);
        (await limiter.AcquireAsync(operation)).Dispose();
        var queued = limiter.AcquireAsync(operation).AsTask();
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.False(queued.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(40));
        (await queued.WaitAsync(TestWait.Guard)).Dispose();

        var wait = Assert.Single(_waits.Where("lighter.operation", operation));
        Assert.Equal(60.0, wait.Value);
        Assert.Equal("rest_weight", wait.Tag("lighter.limiter"));
    }

    [Fact]
    public async Task A_wait_given_up_by_cancellation_is_recorded_up_to_the_cancellation()
    {
        const string operation = "waitProbeCancelled";
        using var limiter = new LighterRateLimiter(new LighterClientOptions { RateLimitTier = RateLimitTier.Standard, RestBudgetPerMinute = 1 }, _time);
        (await limiter.AcquireAsync(operation)).Dispose();
        using var cancel = new CancellationTokenSource();
        var queued = limiter.AcquireAsync(operation, cancel.Token).AsTask();
        _time.Advance(TimeSpan.FromSeconds(12.5));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued.WaitAsync(TestWait.Guard));

        Assert.Equal(12.5, Assert.Single(_waits.Where("lighter.operation", operation)).Value);
    }

    [Fact]
    public async Task A_WebSocket_frame_held_by_the_send_limiter_records_its_wait_tagged_websocket_messages()
    {
        const string operation = "subscribeProbe";
        var limiter = new SendRateLimiter(1, TimeSpan.FromMinutes(1), _time);
        await limiter.WaitAsync(operation, CancellationToken.None);
        Assert.Empty(_waits.Where("lighter.operation", operation));

        var held = limiter.WaitAsync(operation, CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(45));
        Assert.False(held.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(15));
        await held.WaitAsync(TestWait.Guard);

        var wait = Assert.Single(_waits.Where("lighter.operation", operation));
        Assert.Equal(60.0, wait.Value);
        Assert.Equal(StreamTelemetry.WebSocketLimiter, wait.Tag("lighter.limiter"));
    }
}
