using System.Net;
using System.Text.Json;

namespace Lighter.Testing.Tests.Wire;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task Rate_limited_requests_get_429_with_retry_after_and_code_23000()
    {
        await using var f = await SandboxFixture.StartAsync();
        f.Sandbox.Faults.RateLimitNext(times: 2, retryAfter: TimeSpan.FromSeconds(3), pathPrefix: "/api/v1/nextNonce");

        using var first = await f.Http.GetAsync($"api/v1/nextNonce?account_index={f.Maker.AccountIndex}&api_key_index=2");
        using var second = await f.Http.GetAsync($"api/v1/nextNonce?account_index={f.Maker.AccountIndex}&api_key_index=2");
        using var third = await f.Http.GetAsync($"api/v1/nextNonce?account_index={f.Maker.AccountIndex}&api_key_index=2");

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), first.Headers.RetryAfter?.Delta);
        Assert.Equal(23000, JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task A_failure_is_consumed_only_by_a_request_under_its_path()
    {
        await using var f = await SandboxFixture.StartAsync();
        f.Sandbox.Faults.FailNext(statusCode: 502, pathPrefix: "/api/v1/sendTx");

        using var other = await f.Http.GetAsync("api/v1/orderBooks");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["tx_type"] = "14", ["tx_info"] = "{}" });
        using var failed = await f.Http.PostAsync("api/v1/sendTx", form);

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Equal(29500, JsonDocument.Parse(await failed.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetInt32());
        Assert.Equal(0, f.Sandbox.GetNextNonce(f.Maker.AccountIndex, 2));
    }

    [Fact]
    public async Task A_delayed_request_completes_only_when_the_sandbox_clock_has_moved_on()
    {
        await using var f = await SandboxFixture.StartAsync();
        f.Sandbox.Faults.DelayNext(TimeSpan.FromSeconds(30));

        var pending = f.Http.GetAsync("api/v1/currentHeight");
        await Task.Yield();
        Assert.False(pending.IsCompleted);
        while (!pending.IsCompleted)
        {
            f.Clock.Advance(TimeSpan.FromSeconds(30));
            await Task.WhenAny(pending, Task.Delay(10));
        }

        using var response = await pending;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
