using System.Diagnostics;
using System.Globalization;
using Lighter.Client;
using Lighter.Client.Submission;
using Lighter.Signing.Transactions;

namespace Lighter.Cli.Commands;

/// <summary>What <c>lighter bench submit</c> sends: N CreateOrder transactions on market 0, integer amount and price.</summary>
internal sealed record BenchSubmitPlan(int Count, int Concurrency, long BaseAmount, uint Price);

/// <summary>The outcome of one run (printed as one JSON line).</summary>
/// <param name="Count">Orders in the plan.</param>
/// <param name="Accepted">Orders the client reports accepted.</param>
/// <param name="Failed">Orders that failed.</param>
/// <param name="Seconds">Wall time of the run.</param>
/// <param name="Verdicts">Accepted submissions per <see cref="TxVerdict"/>.</param>
/// <param name="Dispositions">Failures per <see cref="NonceDisposition"/> (failures that are not submission failures are in neither).</param>
internal sealed record BenchSubmitResult(int Count, int Accepted, int Failed, double Seconds, IReadOnlyDictionary<TxVerdict, int> Verdicts, IReadOnlyDictionary<NonceDisposition, int> Dispositions)
{
    public double PerSecond => Seconds > 0 ? Accepted / Seconds : 0;

    public int Of(TxVerdict verdict) => Verdicts.GetValueOrDefault(verdict);

    public int Of(NonceDisposition disposition) => Dispositions.GetValueOrDefault(disposition);
}

/// <summary>
/// Runs the plan through <see cref="LighterClient.SubmitAsync(LighterTransaction, long?, CancellationToken)"/> with
/// C concurrent callers sharing one nonce sequence (the client's), counting accepted and failed submissions.
/// </summary>
internal static class BenchSubmitRunner
{
    /// <summary>Failures printed one by one; past that, stderr gets one count per reason at the end.</summary>
    private const int DetailedFailures = 10;

    /// <summary>The key's next nonce on the server; null when the server cannot be reached or refuses.</summary>
    public static async Task<long?> NextNonceAsync(LighterClient client, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await client.Transaction.NextNonceAsync(client.Options.AccountIndex!.Value, checked((byte)client.Options.ApiKeyIndex!.Value), cancellationToken).ConfigureAwait(false);
            return answer.Nonce;
        }
        catch (LighterApiException)
        {
            return null;
        }
    }

    public static async Task<BenchSubmitResult> RunAsync(LighterClient client, BenchSubmitPlan plan, TextWriter error, CancellationToken cancellationToken)
    {
        var next = -1;
        var accepted = 0;
        var failed = 0;
        var expiry = TxDefaults.OrderExpiry(client.TimeProvider);
        var start = Stopwatch.GetTimestamp();
        var reasons = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var verdicts = new System.Collections.Concurrent.ConcurrentDictionary<TxVerdict, int>();
        var dispositions = new System.Collections.Concurrent.ConcurrentDictionary<NonceDisposition, int>();
        var callers = Enumerable.Range(0, plan.Concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < plan.Count; i = Interlocked.Increment(ref next))
            {
                try
                {
                    var submission = await client.SubmitAsync(Order(plan, i, expiry), cancellationToken: cancellationToken).ConfigureAwait(false);
                    verdicts.AddOrUpdate(submission.Verdict, 1, (_, n) => n + 1);
                    Interlocked.Increment(ref accepted);
                }
                catch (LighterApiException ex)
                {
                    if (ex is LighterSubmissionException submission) dispositions.AddOrUpdate(submission.Disposition, 1, (_, n) => n + 1);
                    reasons.AddOrUpdate(ex.Message, 1, (_, n) => n + 1);
                    if (Interlocked.Increment(ref failed) <= DetailedFailures)
                    {
                        lock (error) error.WriteLine($"order {i}: {ex.Message}");
                    }
                }
            }
        }, cancellationToken));
        await Task.WhenAll(callers).ConfigureAwait(false);
        if (failed > DetailedFailures)
        {
            foreach (var (reason, count) in reasons.OrderByDescending(r => r.Value))
            {
                error.WriteLine($"{count} orders failed: {reason}");
            }
        }

        return new BenchSubmitResult(plan.Count, accepted, failed, Stopwatch.GetElapsedTime(start).TotalSeconds, verdicts, dispositions);
    }

    /// <summary>The result as the one JSON line <c>lighter bench submit</c> prints.</summary>
    public static string ToJson(BenchSubmitResult result, long nextNonceStart, long? nextNonceEnd) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"count":{{result.Count}},"accepted":{{result.Accepted}},"failed":{{result.Failed}},"seconds":{{result.Seconds:0.######}},"per_sec":{{Math.Round(result.PerSecond, 1)}},"released":{{result.Of(NonceDisposition.Released)}},"unknown":{{result.Of(NonceDisposition.Unknown)}},"resent":{{result.Of(TxVerdict.Resent)}},"found_by_hash":{{result.Of(TxVerdict.FoundByHash)}},"found_by_nonce":{{result.Of(TxVerdict.FoundByNonce)}},"next_nonce_start":{{nextNonceStart}},"next_nonce_end":{{(nextNonceEnd is { } end ? end.ToString(CultureInfo.InvariantCulture) : "null")}}}""");

    private static CreateOrder Order(BenchSubmitPlan plan, int i, long expiry) => new()
    {
        MarketIndex = 0,
        ClientOrderIndex = i + 1,
        BaseAmount = plan.BaseAmount,
        Price = plan.Price,
        Side = (i & 1) == 1 ? OrderSide.Sell : OrderSide.Buy,
        Type = OrderType.Limit,
        TimeInForce = OrderTimeInForce.GoodTillTime,
        OrderExpiry = expiry,
    };
}
