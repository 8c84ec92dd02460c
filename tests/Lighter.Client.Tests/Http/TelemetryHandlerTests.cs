using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Lighter.Client.Diagnostics;
using Lighter.Client.Http;
using Lighter.Client.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Lighter.Client.Tests.Http;

public sealed class TelemetryHandlerTests : IDisposable
{
    private const string Secret = "ro:7:3:1999999999:deadbeefSECRET";
    private readonly WireMockServer _server = LoopbackServer.Start();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentQueue<(string Name, object? Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();
    private readonly HttpClient _http;

    public TelemetryHandlerTests()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = s => s.Name == LighterTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => _spans.Enqueue(a),
        };
        ActivitySource.AddActivityListener(_activities);
        _meters.InstrumentPublished = (i, l) =>
        {
            if (i.Meter.Name == LighterTelemetry.MeterName) l.EnableMeasurementEvents(i);
        };
        _meters.SetMeasurementEventCallback<long>((i, v, tags, _) => _measurements.Enqueue((i.Name, v, tags.ToArray())));
        _meters.SetMeasurementEventCallback<double>((i, v, tags, _) => _measurements.Enqueue((i.Name, v, tags.ToArray())));
        _meters.Start();
        var options = new LighterClientOptions { MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(200) };
        _http = new HttpClient(LighterHttpPipeline.Create(options, _time, null, null, new SocketsHttpHandler())) { BaseAddress = _server.BaseUri() };
    }

    public void Dispose()
    {
        _http.Dispose();
        _activities.Dispose();
        _meters.Dispose();
        _server.Stop();
        _server.Dispose();
    }

    private void Answer(string path, int status, string body) =>
        _server.Given(Request.Create().WithPath(path)).RespondWith(
            Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    // Listeners are process-wide; other tests run in parallel, so only spans for this test's own operation count.
    private Activity[] SpansFor(string operation) =>
        _spans.Where(a => (string?)a.GetTagItem("lighter.operation") == operation).ToArray();

    [Fact]
    public async Task A_call_gives_one_span_with_operation_method_route_and_status_but_not_the_auth_query()
    {
        Answer("/api/v1/telemetryOk", 200, """{"code":200}""");

        using var response = await _http.GetAsync($"api/v1/telemetryOk?account_index=7&auth={Uri.EscapeDataString(Secret)}");

        var span = Assert.Single(SpansFor("telemetryOk"));
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("GET", span.GetTagItem("http.request.method"));
        Assert.Equal("/api/v1/telemetryOk", span.GetTagItem("url.template"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.DoesNotContain(span.TagObjects, t => t.Value?.ToString()?.Contains("SECRET", StringComparison.Ordinal) == true);
        Assert.DoesNotContain("SECRET", span.DisplayName, StringComparison.Ordinal);

        var counted = _measurements.Where(m => m.Name == LighterTelemetry.RestRequestsInstrument
            && m.Tags.Contains(new("lighter.operation", "telemetryOk"))).ToArray();
        var count = Assert.Single(counted);
        Assert.Equal(1L, count.Value);
        Assert.Contains(new KeyValuePair<string, object?>("http.response.status_code", 200), count.Tags);
        Assert.Single(_measurements, m => m.Name == LighterTelemetry.RestDurationInstrument
            && m.Tags.Contains(new("lighter.operation", "telemetryOk")));
    }

    [Fact]
    public async Task A_refused_call_tags_the_status_and_the_Lighter_result_code_and_marks_the_span_as_an_error()
    {
        Answer("/api/v1/telemetryRefused", 400, """{"code":21500,"message":"invalid"}""");

        await Assert.ThrowsAsync<LighterApiException>(() => _http.GetAsync("api/v1/telemetryRefused"));

        var span = Assert.Single(SpansFor("telemetryRefused"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(400, span.GetTagItem("http.response.status_code"));
        Assert.Equal(21500, span.GetTagItem("lighter.result_code"));
        Assert.Single(_measurements, m => m.Name == LighterTelemetry.RestRequestsInstrument
            && m.Tags.Contains(new("lighter.operation", "telemetryRefused"))
            && m.Tags.Contains(new("http.response.status_code", 400)));
    }

    [Fact]
    public async Task A_retried_read_counts_the_retry_and_tags_the_span_with_the_retry_count()
    {
        var calls = 0;
        _server.Given(Request.Create().WithPath("/api/v1/telemetryRetry")).RespondWith(Response.Create().WithCallback(_ =>
        {
            var status = Interlocked.Increment(ref calls) == 1 ? 503 : 200;
            return ((Response)Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json")
                .WithBody(status == 200 ? """{"code":200}""" : """{"code":503}""")).ResponseMessage;
        }));

        using var response = await _time.PumpAsync(_http.GetAsync("api/v1/telemetryRetry"), TimeSpan.FromMilliseconds(100));

        var span = Assert.Single(SpansFor("telemetryRetry"));
        Assert.Equal(1, span.GetTagItem("lighter.retry_count"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        var retry = Assert.Single(_measurements, m => m.Name == LighterTelemetry.RestRetriesInstrument
            && m.Tags.Contains(new("lighter.operation", "telemetryRetry")));
        Assert.Contains(new KeyValuePair<string, object?>("http.response.status_code", 503), retry.Tags);
    }

    [Fact]
    public async Task Each_429_answer_is_counted_once_whether_retried_or_final()
    {
        Answer("/api/v1/telemetryThrottled", 429, """{"code":23000,"message":"Too Many Requests!"}""");

        await Assert.ThrowsAsync<LighterApiException>(() => _time.PumpAsync(_http.GetAsync("api/v1/telemetryThrottled"), TimeSpan.FromMilliseconds(100)));

        var answers = _server.LogEntries.Count(e => e.RequestMessage?.Path == "/api/v1/telemetryThrottled");
        var throttled = _measurements.Count(m => m.Name == LighterTelemetry.RestThrottledInstrument
            && m.Tags.Contains(new("lighter.operation", "telemetryThrottled")));
        Assert.True(answers >= 1);
        Assert.Equal(answers, throttled);
    }

    [Theory]
    [InlineData("https://x.test/api/v1/account?auth=abc", "/api/v1/account")]
    [InlineData("api/v1/orders?auth=abc#frag", "api/v1/orders")]
    public void The_route_drops_the_query(string uri, string expected) =>
        Assert.Equal(expected, TelemetryHandler.Route(new Uri(uri, UriKind.RelativeOrAbsolute)));
}
