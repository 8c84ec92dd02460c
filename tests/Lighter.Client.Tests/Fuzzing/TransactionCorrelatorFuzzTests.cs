using Lighter.Client.Streaming;
using Lighter.Tests.Fuzz;

namespace Lighter.Client.Tests.Fuzzing;

/// <summary>
/// Fuzzes <see cref="TransactionCorrelator.Complete"/> (and <see cref="TransactionReplyReader"/> behind it): any reply,
/// readable or not, returns without throwing; a matched request is completed or failed with
/// <see cref="InvalidDataException"/>, never left hanging; time and allocation stay bounded.
/// </summary>
/// <remarks>CI: <see cref="FuzzHarness.Seeds"/>, 1,125 inputs each. Long mode: see <see cref="FuzzHarness"/>.</remarks>
[Trait("Category", "Fuzz")]
public sealed class TransactionCorrelatorFuzzTests
{
    [Fact]
    public async Task Any_reply_returns_and_a_matched_request_is_settled_at_once()
    {
        var correlator = new TransactionCorrelator();
        var pending = new List<Task<WsTransactionResponse>>();
        await FuzzHarness.RunAsync(
            "TransactionCorrelator.Complete",
            FuzzHarness.Utf8([FuzzSeeds.TxReply, FuzzSeeds.TxBatchReply, FuzzSeeds.TxError]),
            FuzzHarness.Iterations(1125),
            input =>
            {
                // Keep three requests open (ids 1, 2, 3, ... in order) so replies have something to match.
                while (pending.Count(t => !t.IsCompleted) < 3)
                {
                    pending.Add(correlator.Prepare([new TxPayload(14, "{\"a\":1}")], batch: false).Response);
                }

                var open = pending.Count(t => !t.IsCompleted);
                var (matched, _) = correlator.Complete(input);
                var settled = open - pending.Count(t => !t.IsCompleted);
                if (settled != (matched ? 1 : 0))
                {
                    throw new InvalidOperationException($"matched={matched} but {settled} request(s) settled");
                }

                foreach (var task in pending.Where(t => t.IsFaulted))
                {
                    if (task.Exception!.InnerException is not Lighter.Client.Streaming.LighterConnectionException)
                    {
                        throw new InvalidOperationException("a request failed with " + task.Exception.InnerException!.GetType().Name);
                    }
                }

                pending.RemoveAll(t => t.IsCompleted);
            },
            allowed: static _ => false,
            maxTimePerInput: TimeSpan.FromSeconds(2),
            maxBytes: 32 * 1024,
            maxBytesPerInputByte: 16);
    }
}
