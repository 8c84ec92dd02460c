using Lighter.Client.Diagnostics;
using Lighter.Client.Logging;
using Lighter.Client.Nonces;

namespace Lighter.Client.Submission;

internal sealed partial class TransactionSubmitter
{
    /// <summary>
    /// Signs and submits transactions in order through <c>sendTxBatch</c> (at most <see cref="MaxBatchSize"/> per call,
    /// consecutive nonces), with the rules of <see cref="SubmitAsync"/> applied to each transaction: a batch without a
    /// clear answer is resent as the same bytes; after "invalid nonce" or a refusal each transaction is looked up, the
    /// ones the exchange holds are accepted and the rest are resent as one batch or fail.
    /// </summary>
    /// <param name="signers">One signing function per transaction, called with its nonce.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The accepted transactions, in order.</returns>
    /// <exception cref="LighterSubmissionException">
    /// A transaction was not accepted: later ones are not sent; <see cref="LighterSubmissionException.Accepted"/>
    /// lists, by position, those the exchange holds.
    /// </exception>
    public async Task<IReadOnlyList<TxSubmission>> SubmitBatchAsync(IReadOnlyList<Func<long, WireTransaction>> signers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signers);
        for (var i = 0; i < signers.Count; i++)
        {
            if (signers[i] is null) throw new ArgumentException($"signers[{i}] is null.", nameof(signers));
        }

        var results = new TxSubmission?[signers.Count];
        var done = 0;
        while (done < signers.Count)
        {
            // Released nonces come first and may not be consecutive with the fresh ones: send each run on its own.
            var leases = await _nonces.AcquireBatchAsync(Math.Min(MaxBatchSize, signers.Count - done), cancellationToken).ConfigureAwait(false);
            var txs = SignAll(signers, done, leases);
            var start = 0;
            foreach (var run in ConsecutiveRuns(leases))
            {
                BatchFailure? failure;
                try
                {
                    failure = await DeliverRunAsync(leases.Skip(start).Take(run).ToList(), txs.GetRange(start, run), results, done + start, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    ReleaseNewestFirst(leases.Skip(start + run).ToList()); // later runs were never sent
                    throw;
                }

                if (failure is not null)
                {
                    ReleaseNewestFirst(leases.Skip(start + run).ToList()); // never sent
                    throw new LighterSubmissionException(failure.Value.Error, failure.Value.Tx, failure.Value.Disposition, failure.Value.Attempts, results);
                }

                start += run;
            }

            done += leases.Count;
        }

        return results!;
    }

    private List<WireTransaction> SignAll(IReadOnlyList<Func<long, WireTransaction>> signers, int offset, IReadOnlyList<NonceLease> leases)
    {
        var txs = new List<WireTransaction>(leases.Count);
        try
        {
            for (var i = 0; i < leases.Count; i++) txs.Add(signers[offset + i](leases[i].Nonce));
            return txs;
        }
        catch
        {
            ReleaseNewestFirst(leases);
            throw;
        }
    }

    private static IEnumerable<int> ConsecutiveRuns(IReadOnlyList<NonceLease> leases)
    {
        var length = 1;
        for (var i = 1; i < leases.Count; i++)
        {
            if (leases[i].Nonce == leases[i - 1].Nonce + 1)
            {
                length++;
                continue;
            }

            yield return length;
            length = 1;
        }

        yield return length;
    }

    /// <summary>Delivers one run of consecutive nonces; fills <paramref name="results"/>; returns the first failure, if any.</summary>
    private async Task<BatchFailure?> DeliverRunAsync(List<NonceLease> leases, List<WireTransaction> txs, TxSubmission?[] results, int offset, CancellationToken cancellationToken)
    {
        var budget = new SubmissionBudget(_retry, _time);
        var pending = Enumerable.Range(0, txs.Count).ToList();
        var mayHaveLanded = false;
        for (var sends = 1; ; sends++)
        {
            budget.CountAttempt();
            LighterApiException last;
            try
            {
                var batch = pending.Select(i => txs[i]).ToList();
                var answer = await PostAsync(batch.Count == 1 ? "api/v1/sendTx" : "api/v1/sendTxBatch",
                    batch.Count == 1 ? SendTxWire.Single(batch[0], PriceProtection) : SendTxWire.Batch(batch), cancellationToken).ConfigureAwait(false);
                var verdict = sends == 1 ? TxVerdict.Answered : TxVerdict.Resent;
                foreach (var i in pending) Accept(i, new TxSubmission(txs[i].TxHash, txs[i].Nonce, answer.Predicted, answer.Quota, verdict, budget.Attempts));
                return null;
            }
            catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
            {
                Settle(pending, landed: true); // the request may have left: counted as used
                throw new OperationCanceledException("The batch was cancelled; its unanswered nonces are unknown (counted as used).", ex);
            }
            catch (LighterApiException ex) when (pending.Count == 1 && SendFault.IsRefusal(ex) && !mayHaveLanded)
            {
                return Fail(pending, ex, new Dictionary<int, Evidence> { [pending[0]] = Evidence.Free }, mayHaveLanded, budget);
            }
            catch (LighterApiException ex) when (ex.IsInvalidNonce || SendFault.IsRefusal(ex))
            {
                // A batch executes in order and stops at its first failure: find what the exchange holds.
                last = ex;
                var evidence = await ResolvePendingAsync(pending, txs, mayHaveLanded, budget, ResyncTrigger(ex), cancellationToken).ConfigureAwait(false);
                if (pending.Count == 0) return null;
                // Something else took a nonce of the run, or the exchange refused what is left: the rest cannot follow.
                if (evidence.ContainsValue(Evidence.Consumed) || (SendFault.IsRefusal(ex) && evidence.Values.All(e => e == Evidence.Free)))
                {
                    return Fail(pending, ex, evidence, mayHaveLanded, budget);
                }
            }
            catch (LighterApiException ex)
            {
                last = NoClearAnswer(ex, budget, ref mayHaveLanded, ref sends);
            }

            bool waited;
            try
            {
                waited = !budget.Spent && await budget.TryDelayAsync(last.RetryAfter, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Settle(pending, mayHaveLanded);
                throw;
            }

            if (!waited)
            {
                Dictionary<int, Evidence> evidence;
                try
                {
                    evidence = await ResolvePendingAsync(pending, txs, mayHaveLanded, budget, NonceTelemetry.Trigger.FinalCheck, cancellationToken, final: true).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    Settle(pending, mayHaveLanded);
                    throw;
                }

                return pending.Count == 0 ? null : Fail(pending, last, evidence, mayHaveLanded, budget);
            }
        }

        // Cancelled: a nonce whose batch may have landed counts as used, the others go back (newest first).
        void Settle(List<int> open, bool landed)
        {
            for (var k = open.Count - 1; k >= 0; k--)
            {
                if (landed) _nonces.Commit(leases[open[k]]);
                else _nonces.Release(leases[open[k]]);
            }
        }

        void Accept(int i, TxSubmission submission)
        {
            _nonces.Commit(leases[i]);
            _resolver.NoteHeld(txs[i]);
            results[offset + i] = submission;
        }

        BatchFailure Fail(List<int> remaining, LighterApiException error, Dictionary<int, Evidence> evidence, bool landed, SubmissionBudget spent)
        {
            // Free nonces go back (newest first, so the counter can roll back); the others count as used.
            var dispositions = remaining.ToDictionary(i => i, i => DispositionOf(evidence.GetValueOrDefault(i, Evidence.Unknown)));
            for (var k = remaining.Count - 1; k >= 0; k--)
            {
                var i = remaining[k];
                if (dispositions[i] == NonceDisposition.Released)
                {
                    if (landed) _resolver.NoteReleasedAfterFault(txs[i]);
                    _nonces.Release(leases[i]);
                }
                else
                {
                    _nonces.Commit(leases[i]);
                }
            }

            var first = txs[remaining[0]];
            LighterLog.SubmissionFailed(_logger, first.TxType, first.Nonce, spent.Attempts, dispositions[remaining[0]].ToString());
            return new BatchFailure(error, first, dispositions[remaining[0]], spent.Attempts);
        }

        async Task<Dictionary<int, Evidence>> ResolvePendingAsync(List<int> open, List<WireTransaction> all, bool landed, SubmissionBudget spent, string trigger, CancellationToken token, bool final = false)
        {
            var evidence = new Dictionary<int, Evidence>();
            foreach (var i in open.ToList())
            {
                var resolution = final
                    ? await ResolveForVerdictAsync(all[i], landed, token).ConfigureAwait(false)
                    : await TryResolveAsync(all[i], landed, trigger, token).ConfigureAwait(false);
                if (resolution.Evidence != Evidence.Held)
                {
                    evidence[i] = resolution.Evidence;
                    continue;
                }

                Accept(i, new TxSubmission(all[i].TxHash, all[i].Nonce, null, null, resolution.Verdict, spent.Attempts));
                open.Remove(i);
            }

            return evidence;
        }
    }

    private void ReleaseNewestFirst(IReadOnlyList<NonceLease> leases)
    {
        for (var i = leases.Count - 1; i >= 0; i--) _nonces.Release(leases[i]);
    }

    private static NonceDisposition DispositionOf(Evidence evidence) => evidence switch
    {
        Evidence.Free => NonceDisposition.Released,
        Evidence.Consumed => NonceDisposition.Consumed,
        _ => NonceDisposition.Unknown,
    };

    private readonly record struct BatchFailure(LighterApiException Error, WireTransaction Tx, NonceDisposition Disposition, int Attempts);
}
