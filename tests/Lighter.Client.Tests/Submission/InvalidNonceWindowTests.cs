using System.Collections.Concurrent;
using System.Globalization;
using Lighter.Client.Http;
using Lighter.Client.Nonces;
using Lighter.Client.Submission;
using Lighter.Client.Tests.Support;

namespace Lighter.Client.Tests.Submission;

/// <summary>
/// The interleaving suspected when <c>BenchSubmitCommandTests</c> hung once in CI: "invalid nonce" for nonce N while
/// the nonces above it execute, the window filling up behind N, and the look-up reading a stale <c>nextNonce</c>
/// (below what the client already saw accepted), so the only way forward is the one resend of N after its backoff.
/// </summary>
public sealed class InvalidNonceWindowTests : IDisposable
{
    private const long Start = 1000;
    private const long Rejected = Start + 4; // the fifth nonce, as in the CLI test
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30); // real time, only so a regression fails instead of hanging

    private readonly MemoryNonceExchange _exchange = new(Start);
    private readonly TimerCountingClock _clock = new(DateTimeOffset.Parse("2026-12-01T00:00:00Z", CultureInfo.InvariantCulture));
    private readonly HttpClient _http;

    public InvalidNonceWindowTests()
    {
        // The pipeline runs on the real clock (its timeouts never fire here), so the fake clock carries only the
        // submitter's backoffs and the nonce manager's stall grace.
        var pipeline = LighterHttpPipeline.Create(new LighterClientOptions(), TimeProvider.System, null, null, _exchange);
        _http = new HttpClient(pipeline) { BaseAddress = new Uri("http://127.0.0.1:9/") };
    }

    public void Dispose() => _http.Dispose();

    private static WireTransaction Sign(long nonce) =>
        new(14, $$"""{"AccountIndex":7,"ApiKeyIndex":3,"Nonce":{{nonce}},"Sig":"x"}""", "hash" + nonce.ToString(CultureInfo.InvariantCulture), nonce);

    private static async Task Until(Func<bool> condition, string what)
    {
        var giveUp = DateTime.UtcNow + Guard;
        while (!condition())
        {
            if (DateTime.UtcNow > giveUp) throw new TimeoutException("Still waiting for " + what);
            await Task.Yield();
        }
    }

    [Fact]
    public async Task A_rejected_nonce_behind_a_full_window_is_resent_after_one_backoff_and_every_caller_finishes()
    {
        const int orders = 40;
        var nonces = new NonceManager(7, 3, ct => NextNonceReader.FetchAsync(_http, 7, 3, ct), LighterClientOptions.DefaultNonceWindow, _clock);
        var gaps = new ConcurrentQueue<NonceGap>();
        nonces.GapDetected += (_, gap) => gaps.Enqueue(gap);
        var rejected = 0;
        _exchange.SendFault = nonce => nonce == Rejected && Interlocked.Increment(ref rejected) == 1 ? MemoryNonceExchange.InvalidNonce() : null;
        var stale = 0;
        _exchange.NextNonceOverride = async next =>
        {
            // The first look-up after the rejection (the only one: nothing else fails): answer only once the client
            // counts the nonces below N as used, and answer an older value, as a lagging replica would (the client
            // then sees the exchange behind it). Keyed on the rejection, not on the true value, which depends on
            // whether the nonces below N were still in flight when it was asked.
            if (Volatile.Read(ref rejected) == 0 || Interlocked.Increment(ref stale) != 1) return null;
            await Until(() => nonces.ConfirmedNext == Rejected, "the nonces below the rejected one to be committed");
            return Rejected - 2;
        };
        var submitter = new TransactionSubmitter(_http, nonces, timeProvider: _clock);

        var next = -1;
        var results = new ConcurrentBag<TxSubmission>();
        var callers = Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < orders) results.Add(await submitter.SubmitAsync(Sign));
        })));

        // Everyone else runs to the edge of the window and waits; the only thing pending is N's backoff timer.
        await Until(() => _clock.TimersCreated == 1 && nonces.PeekNext == Rejected + LighterClientOptions.DefaultNonceWindow, "the window to fill behind the rejected nonce");
        Assert.False(callers.IsCompleted);
        Assert.DoesNotContain(Rejected, _exchange.Accepted.Keys);
        _clock.Advance(new SubmissionRetryOptions().BaseDelay); // the longest first backoff

        await callers.WaitAsync(Guard);
        Assert.Equal(orders, results.Count);
        Assert.Equal(Enumerable.Range(0, orders).Select(i => Start + i), _exchange.Accepted.Keys.Order());
        Assert.Equal(Enumerable.Range(0, orders).Select(i => Start + i), results.Select(r => r.Nonce).Order());
        Assert.Equal(2, _exchange.Sent.Count(n => n == Rejected)); // the rejected send and its one resend
        Assert.Equal(TxVerdict.Resent, results.Single(r => r.Nonce == Rejected).Verdict);
        Assert.Equal(1, _clock.TimersCreated); // one backoff; nobody waited on anything that needs time to pass
        var gap = Assert.Single(gaps); // the stale answer is reported as a suspected gap, never repaired
        Assert.Equal((Rejected - 2, Rejected, false), (gap.ServerNextNonce, gap.ClientNextNonce, gap.Repaired));
        Assert.Equal(Start + orders, nonces.ConfirmedNext);
        Assert.Equal(0, nonces.InFlight);
    }
}
