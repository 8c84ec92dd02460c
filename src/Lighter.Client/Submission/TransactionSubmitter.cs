using Lighter.Client.Diagnostics;
using Lighter.Client.Logging;
using Lighter.Client.Nonces;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lighter.Client.Submission;

/// <summary>
/// Nonce → sign → <c>sendTx</c> for one (account, API key): the client's verdict on every transaction equals the
/// exchange's, and no nonce is silently abandoned. The state machine is drawn in <c>docs/submission.md</c>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Success answer: accepted (<see cref="TxVerdict.Answered"/>, or <see cref="TxVerdict.Resent"/> after faults).</item>
/// <item>No clear answer (429, 5xx, timeout, broken connection): the identical signed bytes are sent again (same
/// nonce, so it cannot execute twice) with backoff, honouring <c>Retry-After</c>, within
/// <see cref="SubmissionRetryOptions"/>.</item>
/// <item>"Invalid nonce", or a refusal after a send that may have landed: the exchange is asked, by hash then by
/// <c>nextNonce</c>. Found: accepted. Nonce used by something else: the transaction is signed again with a fresh
/// nonce. Nonce free (out of the exchange's window behind a hole): resent after a wait.</item>
/// <item>A clear refusal of a transaction that cannot have executed: failure, nonce released to the next transaction.</item>
/// <item>Budget spent: the exchange is asked once more; only if it shows the nonce free does the caller get a failure
/// with the nonce released (<see cref="NonceDisposition.Released"/>); if it cannot be asked, the failure says
/// <see cref="NonceDisposition.Unknown"/> and the nonce counts as used (a later stall check repairs a hole).</item>
/// </list>
/// </remarks>
internal sealed partial class TransactionSubmitter
{
    /// <summary>The most transactions one <c>sendTxBatch</c> call carries.</summary>
    public const int MaxBatchSize = 50;

    /// <summary>More look-ups when the last one before a failure could not reach the exchange.</summary>
    private const int FinalLookupRetries = 2;

    private readonly HttpClient _http;
    private readonly INonceManager _nonces;
    private readonly ILogger _logger;
    private readonly SubmissionRetryOptions _retry;
    private readonly TimeProvider _time;
    private readonly TxResolver _resolver;

    /// <summary>Creates the submitter.</summary>
    /// <param name="http">An HTTP client whose base address is the exchange and whose handlers are the Lighter pipeline.</param>
    /// <param name="nonces">The nonce sequence of the signing key (it also keeps sends inside the exchange's window).</param>
    /// <param name="logger">Optional logger.</param>
    /// <param name="retry">Resend budget for transactions without a clear answer; defaults as <see cref="SubmissionRetryOptions"/>.</param>
    /// <param name="timeProvider">Clock for the budget and the waits between sends.</param>
    public TransactionSubmitter(HttpClient http, INonceManager nonces, ILogger? logger = null, SubmissionRetryOptions? retry = null, TimeProvider? timeProvider = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _nonces = nonces ?? throw new ArgumentNullException(nameof(nonces));
        _logger = logger ?? NullLogger.Instance;
        _retry = retry ?? new SubmissionRetryOptions();
        _time = timeProvider ?? TimeProvider.System;
        _resolver = new TxResolver(_http, _nonces);
    }

    /// <summary>The nonce sequence used.</summary>
    public INonceManager Nonces => _nonces;

    /// <summary>Whether <c>price_protection</c> is sent (null: the server default, true).</summary>
    public bool? PriceProtection { get; init; }

    /// <summary>How long the pipeline's circuit stays open (<see cref="LighterClientOptions.CircuitBreakDuration"/>): the wait before sending again through an open circuit.</summary>
    public TimeSpan CircuitBreakDuration { get; init; } = LighterClientOptions.DefaultCircuitBreakDuration;

    /// <summary>Leases a nonce, signs with it and submits until the exchange's verdict is known.</summary>
    /// <param name="sign">Signs the transaction with the given nonce (called again with a fresh nonce if another transaction used the first).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The accepted transaction and how acceptance was established.</returns>
    /// <exception cref="LighterSubmissionException">The exchange does not hold the transaction (or it could not be told); says what became of the nonce.</exception>
    public async Task<TxSubmission> SubmitAsync(Func<long, WireTransaction> sign, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sign);
        using var activity = LighterTelemetry.Source.StartActivity("lighter.submit");
        try
        {
            var accepted = await SubmitOnceAsync(activity is null ? sign : SubmissionTelemetry.Tagging(sign, activity), cancellationToken).ConfigureAwait(false);
            SubmissionTelemetry.Accepted(activity, accepted);
            return accepted;
        }
        catch (Exception e)
        {
            SubmissionTelemetry.Failed(activity, e);
            throw;
        }
    }

    private async Task<TxSubmission> SubmitOnceAsync(Func<long, WireTransaction> sign, CancellationToken cancellationToken)
    {
        var budget = new SubmissionBudget(_retry, _time);
        while (true)
        {
            var lease = await _nonces.AcquireAsync(cancellationToken).ConfigureAwait(false);
            WireTransaction tx;
            try
            {
                tx = sign(lease.Nonce);
            }
            catch
            {
                _nonces.Release(lease);
                throw;
            }

            Outcome outcome;
            try
            {
                outcome = await DeliverAsync(tx, budget, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // Unexpected (a bug, a handler that threw): the bytes may have left, so the nonce counts as used
                // (a later stall check repairs a hole) rather than leaking a lease that would block the window.
                _nonces.Commit(lease);
                throw;
            }

            if (Settle(lease, tx, outcome, budget, cancellationToken) is { } accepted) return accepted;
            // The nonce went to something else: the same order, signed again with a fresh nonce.
        }
    }

    /// <summary>Ends the lease as the outcome says; returns the submission, throws the failure, or null to sign again.</summary>
    private TxSubmission? Settle(NonceLease lease, WireTransaction tx, Outcome outcome, SubmissionBudget budget, CancellationToken cancellationToken)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Accepted:
                _nonces.Commit(lease);
                _resolver.NoteHeld(tx);
                if (outcome.Submission!.Verdict != TxVerdict.Answered)
                {
                    LighterLog.AmbiguousSubmission(_logger, tx.TxType, tx.Nonce, outcome.Submission.Verdict.ToString());
                }

                return outcome.Submission;
            case OutcomeKind.Consumed when !budget.Spent:
                _nonces.Commit(lease);
                return null;
            case OutcomeKind.Cancelled:
                End(lease, tx, outcome.MayHaveLanded ? NonceDisposition.Unknown : NonceDisposition.Released, outcome.MayHaveLanded);
                throw new OperationCanceledException("The submission was cancelled; its nonce is " + (outcome.MayHaveLanded ? "unknown (counted as used)." : "released."), outcome.Cause, cancellationToken);
            default:
                var disposition = outcome.Kind switch
                {
                    OutcomeKind.Consumed => NonceDisposition.Consumed,
                    OutcomeKind.Unknown => NonceDisposition.Unknown,
                    _ => NonceDisposition.Released,
                };
                End(lease, tx, disposition, outcome.MayHaveLanded);
                LighterLog.SubmissionFailed(_logger, tx.TxType, tx.Nonce, budget.Attempts, disposition.ToString());
                throw new LighterSubmissionException(outcome.Error!, tx, disposition, budget.Attempts);
        }
    }

    private void End(NonceLease lease, WireTransaction tx, NonceDisposition disposition, bool mayHaveLanded)
    {
        if (disposition != NonceDisposition.Released)
        {
            _nonces.Commit(lease);
            return;
        }

        if (mayHaveLanded) _resolver.NoteReleasedAfterFault(tx);
        _nonces.Release(lease);
    }

    /// <summary>Sends one signed transaction until the exchange's verdict is known or the budget is spent.</summary>
    private async Task<Outcome> DeliverAsync(WireTransaction tx, SubmissionBudget budget, CancellationToken cancellationToken)
    {
        var mayHaveLanded = false;
        for (var sends = 1; ; sends++)
        {
            budget.CountAttempt();
            LighterApiException last;
            try
            {
                var answer = await PostAsync("api/v1/sendTx", SendTxWire.Single(tx, PriceProtection), cancellationToken).ConfigureAwait(false);
                var verdict = sends == 1 ? TxVerdict.Answered : TxVerdict.Resent;
                return Outcome.Accepted(new TxSubmission(tx.TxHash, tx.Nonce, answer.Predicted, answer.Quota, verdict, budget.Attempts));
            }
            catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
            {
                // The request may have left before the cancellation.
                return new Outcome(OutcomeKind.Cancelled, null, null, MayHaveLanded: true) { Cause = ex };
            }
            catch (LighterApiException ex) when (SendFault.IsRefusal(ex) && !mayHaveLanded)
            {
                return new Outcome(OutcomeKind.Refused, null, ex, false);
            }
            catch (LighterApiException ex) when (ex.IsInvalidNonce || SendFault.IsRefusal(ex))
            {
                // The nonce is taken, out of the window, or the refusal may follow an earlier send that executed.
                last = ex;
                var resolution = await TryResolveAsync(tx, mayHaveLanded, ResyncTrigger(ex), cancellationToken).ConfigureAwait(false);
                switch (resolution.Evidence)
                {
                    case Evidence.Held:
                        return Outcome.Accepted(new TxSubmission(tx.TxHash, tx.Nonce, null, null, resolution.Verdict, budget.Attempts));
                    case Evidence.Consumed:
                        return new Outcome(OutcomeKind.Consumed, null, ex, mayHaveLanded);
                    case Evidence.Free when SendFault.IsRefusal(ex):
                        return new Outcome(OutcomeKind.Refused, null, ex, mayHaveLanded);
                }
            }
            catch (LighterApiException ex)
            {
                last = NoClearAnswer(ex, budget, ref mayHaveLanded, ref sends);
            }

            try
            {
                if (budget.Spent || !await budget.TryDelayAsync(last.RetryAfter, cancellationToken).ConfigureAwait(false))
                {
                    return await FinalVerdictAsync(tx, last, mayHaveLanded, budget, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException ex)
            {
                return new Outcome(OutcomeKind.Cancelled, null, last, mayHaveLanded) { Cause = ex };
            }
        }
    }

    /// <summary>
    /// A send without a clear answer: notes whether it may have landed and returns the failure to wait on. An open
    /// circuit never sent anything: it is no attempt, and the wait is the circuit's break instead of a backoff.
    /// </summary>
    private LighterApiException NoClearAnswer(LighterApiException ex, SubmissionBudget budget, ref bool mayHaveLanded, ref int sends)
    {
        mayHaveLanded |= SendFault.MayHaveLanded(ex);
        if (!SendFault.IsCircuitOpen(ex)) return ex;
        budget.Uncount();
        sends--;
        return new LighterApiException(ex.Operation, ex.StatusCode, ex.Code, ex.ServerMessage, ex.IsTransient, ex) { RetryAfter = CircuitBreakDuration };
    }

    private async Task<Outcome> FinalVerdictAsync(WireTransaction tx, LighterApiException last, bool mayHaveLanded, SubmissionBudget budget, CancellationToken cancellationToken)
    {
        var resolution = await ResolveForVerdictAsync(tx, mayHaveLanded, cancellationToken).ConfigureAwait(false);
        return resolution.Evidence switch
        {
            Evidence.Held => Outcome.Accepted(new TxSubmission(tx.TxHash, tx.Nonce, null, null, resolution.Verdict, budget.Attempts)),
            Evidence.Consumed => new Outcome(OutcomeKind.Consumed, null, last, mayHaveLanded),
            Evidence.Free => new Outcome(OutcomeKind.Released, null, last, mayHaveLanded),
            _ => new Outcome(OutcomeKind.Unknown, null, last, mayHaveLanded),
        };
    }

    /// <summary>
    /// The last look-up before a failure: an "unknown" is worth a few more tries (the circuit may be open, the
    /// look-ups rate-limited), each after the circuit's break, since the caller's next step depends on it.
    /// </summary>
    private async Task<Resolution> ResolveForVerdictAsync(WireTransaction tx, bool mayHaveLanded, CancellationToken cancellationToken)
    {
        const string trigger = NonceTelemetry.Trigger.FinalCheck;
        var resolution = await TryResolveAsync(tx, mayHaveLanded, trigger, cancellationToken).ConfigureAwait(false);
        for (var retry = 0; retry < FinalLookupRetries && resolution.Evidence == Evidence.Unknown; retry++)
        {
            await Task.Delay(CircuitBreakDuration, _time, cancellationToken).ConfigureAwait(false);
            resolution = await TryResolveAsync(tx, mayHaveLanded, trigger, cancellationToken).ConfigureAwait(false);
        }

        return resolution;
    }

    /// <summary>The resync trigger of a look-up after <paramref name="answer"/> ("invalid nonce" or a refusal).</summary>
    private static string ResyncTrigger(LighterApiException answer) =>
        answer.IsInvalidNonce ? NonceTelemetry.Trigger.InvalidNonce : NonceTelemetry.Trigger.Refused;

    private async Task<Resolution> TryResolveAsync(WireTransaction tx, bool mayHaveLanded, string trigger, CancellationToken cancellationToken)
    {
        try
        {
            return await _resolver.ResolveAsync(tx, mayHaveLanded, trigger, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            // Cancellation surfaces at the next wait, where the lease is settled.
            return new Resolution(Evidence.Unknown);
        }
    }

    private async Task<(long? Predicted, long? Quota)> PostAsync(string path, HttpContent content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Options.Set(Http.LighterResilience.CallerRetries, true); // resends are ours: same bytes, Retry-After, budget
        using (var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false))
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return SendTxWire.ReadAnswer(body);
        }
    }

    private enum OutcomeKind
    {
        Accepted,
        Refused,
        Consumed,
        Released,
        Unknown,
        Cancelled,
    }

    /// <summary>How one delivery ended.</summary>
    private sealed record Outcome(OutcomeKind Kind, TxSubmission? Submission, LighterApiException? Error, bool MayHaveLanded)
    {
        public Exception? Cause { get; init; }

        public static Outcome Accepted(TxSubmission submission) => new(OutcomeKind.Accepted, submission, null, false);
    }
}
