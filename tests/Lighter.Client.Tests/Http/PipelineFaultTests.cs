using System.Net;
using Lighter.Client.Http;
using Lighter.Client.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Lighter.Client.Tests.Http;

public sealed class PipelineFaultTests : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);
    private readonly WireMockServer _server = LoopbackServer.Start();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly AttemptRecorder _recorder;
    private readonly HttpClient _http;

    public PipelineFaultTests()
    {
        _recorder = new AttemptRecorder(_time) { InnerHandler = new SocketsHttpHandler() };
        var options = new LighterClientOptions { MaxRetries = 3, RetryBaseDelay = TimeSpan.FromMilliseconds(200) };
        _http = new HttpClient(LighterHttpPipeline.Create(options, _time, null, null, _recorder)) { BaseAddress = _server.BaseUri() };
    }

    public void Dispose()
    {
        _http.Dispose();
        _server.Stop();
        _server.Dispose();
    }

    private void Sequence(string path, params Func<IResponseBuilder>[] answers)
    {
        var calls = 0;
        _server.Given(Request.Create().WithPath(path)).RespondWith(Response.Create().WithCallback(_ =>
        {
            var i = Math.Min(Interlocked.Increment(ref calls) - 1, answers.Length - 1);
            return ((Response)answers[i]()).ResponseMessage;
        }));
    }

    private static IResponseBuilder Json(int status, string body, string? retryAfter = null)
    {
        var r = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);
        return retryAfter is null ? r : r.WithHeader("Retry-After", retryAfter);
    }

    private Task<HttpResponseMessage> Get(string path) => _time.PumpAsync(_http.GetAsync(path), Step);

    private Task<HttpResponseMessage> PostSendTx() => _time.PumpAsync(
        _http.PostAsync("api/v1/sendTx", new FormUrlEncodedContent([new("tx_type", "14"), new("tx_info", "{}")])), Step);

    [Fact]
    public async Task A_read_answered_429_with_Retry_After_waits_that_long_and_then_succeeds()
    {
        Sequence("/api/v1/orderBooks",
            () => Json(429, """{"code":23000,"message":"Too Many Requests!"}""", retryAfter: "3"),
            () => Json(200, """{"code":200,"order_books":[]}"""));

        using var response = await Get("api/v1/orderBooks");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _recorder.Attempts.Count);
        Assert.True(_recorder.Attempts[1].At - _recorder.Attempts[0].At >= TimeSpan.FromSeconds(3), "Retry-After must be honoured");
    }

    [Fact]
    public async Task A_read_survives_a_stream_of_5xx_within_its_budget()
    {
        Sequence("/api/v1/orderBooks",
            () => Json(503, """{"code":503,"message":"unavailable"}"""),
            () => Json(502, "{}"),
            () => Json(500, """{"code":500}"""),
            () => Json(200, """{"code":200,"order_books":[]}"""));

        using var response = await Get("api/v1/orderBooks");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, _recorder.Attempts.Count);
    }

    [Fact]
    public async Task When_the_budget_is_spent_the_caller_gets_the_code_the_server_sent()
    {
        Sequence("/api/v1/orderBooks", () => Json(429, """{"code":23000,"message":"Too Many Requests!"}""", retryAfter: "1"));

        var error = await Assert.ThrowsAsync<LighterApiException>(() => Get("api/v1/orderBooks"));

        Assert.Equal(4, _recorder.Attempts.Count);
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(23000, error.Code);
        Assert.Equal("orderBooks", error.Operation);
        Assert.True(error.IsTransient);
        Assert.Contains("Too Many Requests!", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_write_answered_5xx_is_not_retried_because_it_may_have_been_processed()
    {
        Sequence("/api/v1/sendTx", () => Json(502, """{"code":502,"message":"bad gateway"}"""));

        var error = await Assert.ThrowsAsync<LighterApiException>(PostSendTx);

        Assert.Single(_recorder.Attempts);
        Assert.Equal("sendTx", error.Operation);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task A_signed_write_refused_with_429_is_retried_after_Retry_After()
    {
        Sequence("/api/v1/sendTx",
            () => Json(429, """{"code":23000,"message":"Too Many Requests!"}""", retryAfter: "2"),
            () => Json(200, """{"code":200,"tx_hash":"ab","predicted_execution_time_ms":1,"volume_quota_remaining":5}"""));

        using var response = await PostSendTx();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _recorder.Attempts.Count);
        Assert.True(_recorder.Attempts[1].At - _recorder.Attempts[0].At >= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task A_ResultCode_body_with_a_failure_code_on_HTTP_200_becomes_an_exception()
    {
        Sequence("/api/v1/sendTx", () => Json(200, """{"code":21104,"message":"invalid nonce"}"""));

        var error = await Assert.ThrowsAsync<LighterApiException>(PostSendTx);

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal(21104, error.Code);
        Assert.True(error.IsInvalidNonce);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task A_400_ResultCode_carries_its_code_and_message()
    {
        Sequence("/api/v1/sendTx", () => Json(400, """{"code":21120,"message":"invalid signature"}"""));

        var error = await Assert.ThrowsAsync<LighterApiException>(PostSendTx);

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(21120, error.Code);
        Assert.Equal("invalid signature", error.ServerMessage);
        Assert.False(error.IsTransient);
        Assert.Single(_recorder.Attempts);
    }

    [Fact]
    public async Task Malformed_JSON_is_reported_naming_the_operation()
    {
        Sequence("/api/v1/nextNonce", () => Json(200, """{"code":200,"nonce":7"""));

        var error = await Assert.ThrowsAsync<LighterApiException>(() => Get("api/v1/nextNonce?account_index=1&api_key_index=2"));

        Assert.Equal("nextNonce", error.Operation);
        Assert.Contains("not well-formed JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Successful_bodies_pass_through_untouched()
    {
        Sequence("/api/v1/nextNonce", () => Json(200, """{"code":200,"nonce":722}"""));

        using var response = await Get("api/v1/nextNonce?account_index=1&api_key_index=2");

        Assert.Equal("""{"code":200,"nonce":722}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_hung_read_times_out_per_attempt_retries_and_then_fails_transient()
    {
        var hanging = new HangingHandler();
        var options = new LighterClientOptions { MaxRetries = 2, AttemptTimeout = TimeSpan.FromSeconds(2), TotalTimeout = TimeSpan.FromSeconds(30) };
        using var http = new HttpClient(LighterHttpPipeline.Create(options, _time, null, null, hanging)) { BaseAddress = new Uri("http://127.0.0.1:9/") };

        var error = await Assert.ThrowsAsync<LighterApiException>(() => _time.PumpAsync(http.GetAsync("api/v1/orderBooks"), Step));

        Assert.Equal(3, hanging.Calls);
        Assert.True(error.IsTransient);
        Assert.Null(error.StatusCode);
        Assert.Equal("orderBooks", error.Operation);
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hung_signed_write_is_not_resent()
    {
        var hanging = new HangingHandler();
        var options = new LighterClientOptions { MaxRetries = 3, AttemptTimeout = TimeSpan.FromSeconds(2) };
        using var http = new HttpClient(LighterHttpPipeline.Create(options, _time, null, null, hanging)) { BaseAddress = new Uri("http://127.0.0.1:9/") };

        var error = await Assert.ThrowsAsync<LighterApiException>(() => _time.PumpAsync(
            http.PostAsync("api/v1/sendTx", new StringContent("tx_type=14")), Step));

        Assert.Equal(1, hanging.Calls);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_disguised_as_an_api_error()
    {
        var hanging = new HangingHandler();
        using var http = new HttpClient(LighterHttpPipeline.Create(new LighterClientOptions(), _time, null, null, hanging)) { BaseAddress = new Uri("http://127.0.0.1:9/") };
        using var cts = new CancellationTokenSource();
        var call = http.GetAsync("api/v1/orderBooks", cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }
}
