using System.Globalization;
using System.Text.Json;
using System.Web;
using Lighter.Client.Diagnostics;
using Lighter.Client.Http;
using Lighter.Client.Nonces;
using Lighter.Client.Submission;
using Lighter.Client.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Lighter.Client.Tests.Submission;

/// <summary>
/// The submitter's look-ups are nonce resyncs tagged with why it asked. Each test's nonce manager has an account
/// index no other test uses, so its measurements are its own.
/// </summary>
public sealed class SubmitterResyncTelemetryTests : IDisposable
{
    private static readonly SubmissionRetryOptions FastRetry = new() { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) };
    private readonly WireMockServer _server = LoopbackServer.Start();
    private readonly HttpClient _http;
    private readonly MetricCapture _resyncs = new(LighterTelemetry.NonceResyncsInstrument);

    public SubmitterResyncTelemetryTests()
    {
        var options = new LighterClientOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxRetries = 1 };
        _http = new HttpClient(LighterHttpPipeline.Create(options, TimeProvider.System, null, null, new SocketsHttpHandler())) { BaseAddress = _server.BaseUri() };
        _server.Given(Request.Create().WithPath("/api/v1/tx").UsingGet())
            .RespondWith(Json(400, """{"code":21500,"message":"transaction not found"}"""));
    }

    public void Dispose()
    {
        _resyncs.Dispose();
        _http.Dispose();
        _server.Stop();
        _server.Dispose();
    }

    private static WireTransaction Sign(long nonce) =>
        new(14, $$"""{"Nonce":{{nonce}},"Sig":"x"}""", "hash" + nonce.ToString(CultureInfo.InvariantCulture), nonce);

    private static long NonceOf(string formBody) =>
        JsonDocument.Parse(HttpUtility.ParseQueryString(formBody)["tx_info"]!).RootElement.GetProperty("Nonce").GetInt64();

    private static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    private TransactionSubmitter Submitter(long account, Func<long> serverNext)
    {
        _server.Given(Request.Create().WithPath("/api/v1/nextNonce").UsingGet())
            .RespondWith(Response.Create().WithCallback(_ => ((Response)Json(200, $$"""{"code":200,"nonce":{{serverNext()}}}""")).ResponseMessage));
        return new(_http, new NonceManager(account, 3, ct => NextNonceReader.FetchAsync(_http, account, 3, ct)), retry: FastRetry)
        {
            CircuitBreakDuration = TimeSpan.FromMilliseconds(1),
        };
    }

    private void SendTx(Func<string, int, IResponseBuilder> answer)
    {
        var calls = 0;
        _server.Given(Request.Create().WithPath("/api/v1/sendTx").UsingPost()).RespondWith(Response.Create().WithCallback(request =>
            ((Response)answer(request.Body!, Interlocked.Increment(ref calls))).ResponseMessage));
    }

    private List<(object? Trigger, object? Result)> ResyncsOf(long account) =>
        _resyncs.Where("lighter.account_index", account).Select(m => (m.Tag("lighter.trigger"), m.Tag("lighter.result"))).ToList();

    [Fact]
    public async Task An_invalid_nonce_answer_for_a_nonce_used_elsewhere_counts_one_invalid_nonce_resync_that_advanced()
    {
        const long account = 920_001;
        long server = 5;
        var submitter = Submitter(account, () => server);
        SendTx((body, call) =>
        {
            if (call > 1) return Json(200, $$"""{"code":200,"tx_hash":"hash{{NonceOf(body)}}"}""");
            server = 6; // another process used nonce 5 first
            return Json(200, """{"code":21104,"message":"invalid nonce"}""");
        });

        Assert.Equal(6, (await submitter.SubmitAsync(Sign)).Nonce);

        Assert.Equal([(NonceTelemetry.Trigger.InvalidNonce, NonceTelemetry.Result.Advanced)], ResyncsOf(account));
    }

    [Fact]
    public async Task A_refusal_after_a_send_that_may_have_landed_counts_a_refused_resync()
    {
        const long account = 920_002;
        var submitter = Submitter(account, () => 9);
        SendTx((_, call) => call == 1 ? Json(503, "{}") : Json(400, """{"code":21701,"message":"invalid order"}"""));

        await Assert.ThrowsAsync<LighterSubmissionException>(() => submitter.SubmitAsync(Sign));

        Assert.Equal([(NonceTelemetry.Trigger.Refused, NonceTelemetry.Result.InSync)], ResyncsOf(account));
    }

    [Fact]
    public async Task Sends_without_a_clear_answer_until_the_budget_is_spent_count_one_final_check_resync()
    {
        const long account = 920_003;
        var submitter = Submitter(account, () => 9);
        SendTx((_, _) => Json(503, "{}"));

        var error = await Assert.ThrowsAsync<LighterSubmissionException>(() => submitter.SubmitAsync(Sign));

        Assert.Equal(NonceDisposition.Released, error.Disposition);
        Assert.Equal([(NonceTelemetry.Trigger.FinalCheck, NonceTelemetry.Result.InSync)], ResyncsOf(account));
    }
}
