using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Web;
using Lighter.Client.Http;
using Lighter.Client.Nonces;
using Lighter.Client.Submission;
using Lighter.Client.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Lighter.Client.Tests.Submission;

public sealed class SubmitterTests : IDisposable
{
    private readonly WireMockServer _server = LoopbackServer.Start();
    private readonly HttpClient _http;
    private readonly ConcurrentQueue<string> _sendBodies = new();

    public SubmitterTests()
    {
        var options = new LighterClientOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxRetries = 3 };
        _http = new HttpClient(LighterHttpPipeline.Create(options, TimeProvider.System, null, null, new SocketsHttpHandler())) { BaseAddress = _server.BaseUri() };
    }

    public void Dispose()
    {
        _http.Dispose();
        _server.Stop();
        _server.Dispose();
    }

    private static WireTransaction Sign(long nonce) =>
        new(14, $$"""{"AccountIndex":7,"ApiKeyIndex":3,"Nonce":{{nonce}},"Sig":"x"}""", "hash" + nonce.ToString(CultureInfo.InvariantCulture), nonce);

    private static long NonceOf(string formBody) =>
        JsonDocument.Parse(HttpUtility.ParseQueryString(formBody)["tx_info"]!).RootElement.GetProperty("Nonce").GetInt64();

    private static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    private void NextNonce(Func<long> next) =>
        _server.Given(Request.Create().WithPath("/api/v1/nextNonce").UsingGet())
            .RespondWith(Response.Create().WithCallback(_ => ((Response)Json(200, $$"""{"code":200,"nonce":{{next()}}}""")).ResponseMessage));

    private void SendTx(Func<string, int, IResponseBuilder> answer)
    {
        var calls = 0;
        _server.Given(Request.Create().WithPath("/api/v1/sendTx").UsingPost()).RespondWith(Response.Create().WithCallback(request =>
        {
            _sendBodies.Enqueue(request.Body!);
            return ((Response)answer(request.Body!, Interlocked.Increment(ref calls))).ResponseMessage;
        }));
    }

    private static IResponseBuilder Accepted(long nonce) =>
        Json(200, $$"""{"code":200,"message":"","tx_hash":"hash{{nonce}}","predicted_execution_time_ms":5,"volume_quota_remaining":99}""");

    private TransactionSubmitter Submitter() =>
        new(_http, new NonceManager(7, 3, ct => NextNonceReader.FetchAsync(_http, 7, 3, ct)));

    [Fact]
    public async Task Ten_thousand_orders_from_eight_tasks_use_distinct_consecutive_nonces_despite_invalid_nonce_and_429_answers()
    {
        const int start = 1000, total = 10_000;
        var accepted = new ConcurrentDictionary<long, int>();
        NextNonce(() =>
        {
            var n = (long)start;
            while (accepted.ContainsKey(n)) n++;
            return n;
        });
        var injectedNonce = 0;
        var injected429 = 0;
        var resent = 0;
        var rejectedOnce = new ConcurrentDictionary<long, byte>();
        SendTx((body, call) =>
        {
            var nonce = NonceOf(body);
            // Each 997th nonce is refused once as "invalid nonce" (the first time it is seen).
            if (nonce % 997 == 0 && rejectedOnce.TryAdd(nonce, 0))
            {
                Interlocked.Increment(ref injectedNonce);
                return Json(400, """{"code":21104,"message":"invalid nonce"}""");
            }

            if (call % 613 == 0)
            {
                Interlocked.Increment(ref injected429);
                return Json(429, """{"code":23000,"message":"Too Many Requests!"}""").WithHeader("Retry-After", "0");
            }

            // Like the exchange, a nonce executes once: a second copy is refused.
            if (accepted.TryAdd(nonce, 1)) return Accepted(nonce);
            Interlocked.Increment(ref resent);
            return Json(400, """{"code":21104,"message":"invalid nonce"}""");
        });
        var submitter = Submitter();

        var results = new ConcurrentBag<TxSubmission>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < total / 8; i++) results.Add(await submitter.SubmitAsync(Sign));
        })));

        Assert.True(injectedNonce >= 9 && injected429 >= 9, $"faults injected: {injectedNonce} invalid nonce, {injected429} 429");
        Assert.Equal(total, results.Count);
        // A used nonce is only ever sent again as the identical bytes of a submission whose answer was lost.
        Assert.True(resent <= results.Count(r => r.ResolvedAfterFault), $"{resent} used nonces re-sent");
        Assert.Equal(Enumerable.Range(start, total).Select(i => (long)i), accepted.Keys.Order());
        Assert.Equal(accepted.Keys.Order(), results.Select(r => r.Nonce).Order()); // every order exactly once, none lost
    }

    [Fact]
    public async Task A_refused_transaction_gives_its_nonce_to_the_next_one()
    {
        NextNonce(() => 40);
        SendTx((body, call) => call == 1 ? Json(400, """{"code":21120,"message":"invalid signature"}""") : Accepted(NonceOf(body)));
        var submitter = Submitter();

        var error = await Assert.ThrowsAsync<LighterApiException>(() => submitter.SubmitAsync(Sign));
        var next = await submitter.SubmitAsync(Sign);

        Assert.Equal(21120, error.Code);
        Assert.Equal(40, next.Nonce);
        Assert.Equal(5, next.PredictedExecutionTimeMs);
        Assert.Equal(99, next.VolumeQuotaRemaining);
    }

    [Fact]
    public async Task A_signing_failure_does_not_burn_a_nonce()
    {
        NextNonce(() => 3);
        SendTx((body, _) => Accepted(NonceOf(body)));
        var submitter = Submitter();

        await Assert.ThrowsAsync<InvalidOperationException>(() => submitter.SubmitAsync(_ => throw new InvalidOperationException("bad field")));

        Assert.Equal(3, (await submitter.SubmitAsync(Sign)).Nonce);
    }

    [Fact]
    public async Task A_second_invalid_nonce_answer_surfaces_after_one_resynchronised_retry()
    {
        NextNonce(() => 0);
        SendTx((_, _) => Json(200, """{"code":21104,"message":"invalid nonce"}"""));

        var error = await Assert.ThrowsAsync<LighterApiException>(() => Submitter().SubmitAsync(Sign));

        Assert.True(error.IsInvalidNonce);
        Assert.Equal(2, _sendBodies.Count);
    }

    [Fact]
    public async Task A_5xx_on_sendTx_is_resolved_by_hash_without_resending()
    {
        NextNonce(() => 9);
        SendTx((_, _) => Json(502, """{"code":502,"message":"bad gateway"}"""));
        _server.Given(Request.Create().WithPath("/api/v1/tx").WithParam("by", "hash").WithParam("value", "hash9").UsingGet())
            .RespondWith(Json(200, """{"code":200,"hash":"hash9","nonce":9}"""));

        var result = await Submitter().SubmitAsync(Sign);

        Assert.True(result.ResolvedAfterFault);
        Assert.Equal(9, result.Nonce);
        Assert.Single(_sendBodies);
    }

    [Fact]
    public async Task A_5xx_for_a_transaction_the_exchange_never_saw_resends_the_identical_bytes_once()
    {
        NextNonce(() => 9);
        SendTx((body, call) => call == 1 ? Json(503, "{}") : Accepted(NonceOf(body)));
        _server.Given(Request.Create().WithPath("/api/v1/tx").UsingGet()).RespondWith(Json(400, """{"code":21500,"message":"tx not found"}"""));

        var result = await Submitter().SubmitAsync(Sign);

        Assert.True(result.ResolvedAfterFault);
        Assert.Equal(2, _sendBodies.Count);
        Assert.Single(_sendBodies.Distinct());
    }

    [Fact]
    public async Task A_batch_sends_JSON_encoded_types_and_infos_with_consecutive_nonces()
    {
        NextNonce(() => 20);
        string? form = null;
        _server.Given(Request.Create().WithPath("/api/v1/sendTxBatch").UsingPost()).RespondWith(Response.Create().WithCallback(request =>
        {
            form = request.Body;
            return ((Response)Json(200, """{"code":200,"tx_hash":["a","b"],"predicted_execution_time_ms":1,"volume_quota_remaining":1}""")).ResponseMessage;
        }));

        var results = await Submitter().SubmitBatchAsync([Sign, Sign]);

        var fields = HttpUtility.ParseQueryString(form!);
        Assert.Equal("[14,14]", fields["tx_types"]);
        var infos = JsonSerializer.Deserialize<string[]>(fields["tx_infos"]!)!;
        Assert.Equal([20L, 21L], infos.Select(i => JsonDocument.Parse(i).RootElement.GetProperty("Nonce").GetInt64()));
        Assert.Equal([20L, 21L], results.Select(r => r.Nonce));
    }
}
