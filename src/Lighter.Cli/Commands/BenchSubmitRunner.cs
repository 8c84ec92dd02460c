using System.Diagnostics;
using Lighter.Client;
using Lighter.Client.Submission;
using Lighter.Signing.Transactions;

namespace Lighter.Cli.Commands;

/// <summary>What <c>lighter bench submit</c> sends: N CreateOrder transactions on market 0, integer amount and price.</summary>
internal sealed record BenchSubmitPlan(int Count, int Concurrency, long BaseAmount, uint Price);

/// <summary>The outcome of one run (printed as one JSON line).</summary>
internal sealed record BenchSubmitResult(int Count, int Accepted, int Failed, double Seconds)
{
    public double PerSecond => Seconds > 0 ? Accepted / Seconds : 0;
}

/// <summary>
/// Runs the plan through <see cref="LighterClient.SubmitAsync(LighterTransaction, long?, CancellationToken)"/> with
/// C concurrent callers sharing one nonce sequence (the client's), counting accepted and failed submissions.
/// </summary>
internal static class BenchSubmitRunner
{
    /// <summary>Failures printed one by one; past that, stderr gets one count per reason at the end.</summary>
    private const int DetailedFailures = 10;

    /// <summary>Fetches the account's next nonce once; false when the server cannot be reached or refuses.</summary>
    public static async Task<bool> IsReachableAsync(LighterClient client, CancellationToken cancellationToken)
    {
        try
        {
            _ = await NextNonceReader.FetchAsync(client.Http, client.Options.AccountIndex!.Value, client.Options.ApiKeyIndex!.Value, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (LighterApiException)
        {
            return false;
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
        var callers = Enumerable.Range(0, plan.Concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < plan.Count; i = Interlocked.Increment(ref next))
            {
                try
                {
                    await client.SubmitAsync(Order(plan, i, expiry), cancellationToken: cancellationToken).ConfigureAwait(false);
                    Interlocked.Increment(ref accepted);
                }
                catch (LighterApiException ex)
                {
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

        return new BenchSubmitResult(plan.Count, accepted, failed, Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    private static CreateOrder Order(BenchSubmitPlan plan, int i, long expiry) => new()
    {
        MarketIndex = 0,
        ClientOrderIndex = i + 1,
        BaseAmount = plan.BaseAmount,
        Price = plan.Price,
        IsAsk = (i & 1) == 1,
        Type = OrderType.Limit,
        TimeInForce = OrderTimeInForce.GoodTillTime,
        OrderExpiry = expiry,
    };
}
