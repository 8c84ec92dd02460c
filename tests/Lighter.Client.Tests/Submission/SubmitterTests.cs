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

    private static readonly SubmissionRetryOptions FastRetry = new() { MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) };

    private TransactionSubmitter Submitter() =>
        new(_http, new NonceManager(7, 3, ct => NextNonceReader.FetchAsync(_http, 7, 3, ct)), retry: FastRetry) { CircuitBreakDuration = TimeSpan.FromMilliseconds(1) };

    private void TxLookup(Func<string, IResponseBuilder> answer) =>
        _server.Given(Request.Create().WithPath("/api/v1/tx").UsingGet())
            .RespondWith(Response.Create().WithCallback(request => ((Response)answer(request.Query!["value"].ToString())).ResponseMessage));

    private static IResponseBuilder NotFound() => Json(400, """{"code":21500,"message":"transaction not found"}""");

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

        var error = await Assert.ThrowsAsync<LighterSubmissionException>(() => submitter.SubmitAsync(Sign));
        var next = await submitter.SubmitAsync(Sign);

        Assert.Equal(21120, error.Code);
        Assert.Equal(NonceDisposition.Released, error.Disposition);
        Assert.Equal(40, next.Nonce);
        Assert.Equal(TxVerdict.Answered, next.Verdict);
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
    public async Task Invalid_nonce_alone_is_never_success_and_a_free_nonce_is_released_when_the_budget_is_spent()
    {
        NextNonce(() => 0); // the exchange never moves past our nonce
        TxLookup(_ => NotFound());
        SendTx((_, _) => Json(200, """{"code":21104,"message":"invalid nonce"}"""));
        var submitter = Submitter();

        var error = await Assert.ThrowsAsync<LighterSubmissionException>(() => submitter.SubmitAsync(Sign));

        Assert.True(error.IsInvalidNonce);
        Assert.Equal(NonceDisposition.Released, error.Disposition);
        Assert.Equal(FastRetry.MaxAttempts, _sendBodies.Count);
        Assert.Single(_sendBodies.Distinct()); // the same signed bytes every time
        Assert.Equal(0, ((NonceManager)submitter.Nonces).PeekNext); // the nonce went back: no hole
    }

    [Fact]
    public async Task Invalid_nonce_for_a_nonce_something_else_used_signs_the_order_again_with_a_fresh_nonce()
    {
        long server = 5;
        NextNonce(() => server);
        TxLookup(_ => NotFound());
        SendTx((body, call) =>
        {
            if (call > 1) return Accepted(NonceOf(body));
            server = 6; // another process used nonce 5 first
            return Json(200, """{"code":21104,"message":"invalid nonce"}""");
        });

        var result = await Submitter().SubmitAsync(Sign);

        Assert.Equal(6, result.Nonce);
        Assert.Equal(TxVerdict.Answered, result.Verdict);
        Assert.Equal([5L, 6L], _sendBodies.Select(NonceOf));
    }

    [Fact]
    public async Task Applied_then_503_is_found_by_hash_after_the_resend_is_refused_and_is_not_sent_as_a_new_transaction()
    {
        var applied = false;
        NextNonce(() => applied ? 10 : 9);
        TxLookup(hash => applied && hash == "hash9" ? Json(200, """{"code":200,"hash":"hash9","nonce":9}""") : NotFound());
        SendTx((_, call) =>
        {
            if (call > 1) return Json(200, """{"code":21104,"message":"invalid nonce"}""");
            applied = true;
            return Json(503, """{"code":29500,"message":"internal server error"}""");
        });

        var result = await Submitter().SubmitAsync(Sign);

        Assert.Equal(TxVerdict.FoundByHash, result.Verdict);
        Assert.Equal(9, result.Nonce);
        Assert.Equal(2, _sendBodies.Count);
        Assert.Single(_sendBodies.Distinct());
    }

    [Fact]
    public async Task A_5xx_for_a_transaction_the_exchange_never_saw_resends_the_identical_bytes()
    {
        NextNonce(() => 9);
        TxLookup(_ => NotFound());
        SendTx((body, call) => call < 3 ? Json(503, "{}") : Accepted(NonceOf(body)));

        var result = await Submitter().SubmitAsync(Sign);

        Assert.Equal(TxVerdict.Resent, result.Verdict);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, _sendBodies.Count);
        Assert.Single(_sendBodies.Distinct());
    }

    [Fact]
    public async Task When_the_exchange_cannot_be_asked_after_the_budget_the_failure_says_unknown_and_the_nonce_stays_used()
    {
        NextNonce(() => 9);
        SendTx((_, _) => Json(503, "{}"));
        TxLookup(_ => Json(503, "{}"));
        var submitter = Submitter();
        await submitter.Nonces.AcquireAsync().AsTask().ContinueWith(t => submitter.Nonces.Release(t.Result)); // initialise before lookups fail
        _server.Given(Request.Create().WithPath("/api/v1/nextNonce").UsingGet()).AtPriority(0).RespondWith(Json(503, "{}"));

        var error = await Assert.ThrowsAsync<LighterSubmissionException>(() => submitter.SubmitAsync(Sign));

        Assert.Equal(NonceDisposition.Unknown, error.Disposition);
        Assert.Equal("hash9", error.TxHash);
        Assert.Equal(10, ((NonceManager)submitter.Nonces).PeekNext);
    }

    [Fact]
    public async Task A_send_that_may_have_landed_is_found_by_nonce_when_the_hash_lookup_is_unavailable()
    {
        var sends = 0;
        NextNonce(() => Volatile.Read(ref sends) > 0 ? 10 : 9);
        TxLookup(_ => Json(503, "{}"));
        SendTx((_, call) =>
        {
            Interlocked.Increment(ref sends);
            return call == 1 ? Json(503, "{}") : Json(200, """{"code":21104,"message":"invalid nonce"}""");
        });

        var result = await Submitter().SubmitAsync(Sign);

        Assert.Equal(TxVerdict.FoundByNonce, result.Verdict);
        Assert.Equal(9, result.Nonce);
    }

    [Fact]
    public async Task A_rate_limited_send_waits_the_retry_after_it_was_given()
    {
        NextNonce(() => 9);
        SendTx((body, call) => call == 1
            ? Json(429, """{"code":23000,"message":"Too Many Requests!"}""").WithHeader("Retry-After", "1")
            : Accepted(NonceOf(body)));
        var noPipelineRetry = new LighterClientOptions { MaxRetries = 0 };
        using var http = new HttpClient(LighterHttpPipeline.Create(noPipelineRetry, TimeProvider.System, null, null, new SocketsHttpHandler())) { BaseAddress = _server.BaseUri() };
        var clock = new TimerRecordingClock();
        var submitter = new TransactionSubmitter(http, new NonceManager(7, 3, ct => NextNonceReader.FetchAsync(http, 7, 3, ct)),
            retry: new SubmissionRetryOptions { BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.FromSeconds(5) }, timeProvider: clock);

        var pending = submitter.SubmitAsync(Sign);
        await WaitUntil(() => !clock.DueTimes.IsEmpty);
        Assert.Equal(TimeSpan.FromSeconds(1), Assert.Single(clock.DueTimes)); // the wait is the server's Retry-After
        Assert.Single(_sendBodies);
        clock.Advance(TimeSpan.FromSeconds(1));
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(TxVerdict.Resent, result.Verdict);
        Assert.Equal(2, _sendBodies.Count);
    }

    private sealed class TimerRecordingClock : Microsoft.Extensions.Time.Testing.FakeTimeProvider
    {
        public ConcurrentQueue<TimeSpan> DueTimes { get; } = new();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            DueTimes.Enqueue(dueTime);
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition()) await Task.Delay(5, timeout.Token);
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
