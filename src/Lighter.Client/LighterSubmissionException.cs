using Lighter.Client.Submission;

namespace Lighter.Client;

/// <summary>
/// A transaction the exchange does not hold (or whose fate could not be established), with what became of its nonce.
/// Carries the last answer of the exchange as <see cref="LighterApiException"/> does.
/// </summary>
public sealed class LighterSubmissionException : LighterApiException
{
    /// <summary>Creates the exception from the exchange's last answer.</summary>
    /// <param name="last">The last failure the exchange (or the transport) gave.</param>
    /// <param name="tx">The transaction.</param>
    /// <param name="disposition">What became of the nonce.</param>
    /// <param name="attempts">How many times the signed bytes were sent.</param>
    /// <param name="accepted">For a batch: the transactions of it that the exchange does hold, by position (null where not).</param>
    public LighterSubmissionException(LighterApiException last, WireTransaction tx, NonceDisposition disposition, int attempts, IReadOnlyList<TxSubmission?>? accepted = null)
        : base(last?.Operation ?? "sendTx", last?.StatusCode, last?.Code, Describe(last, tx, disposition, attempts), last?.IsTransient ?? false, last)
    {
        ArgumentNullException.ThrowIfNull(last);
        ArgumentNullException.ThrowIfNull(tx);
        TxHash = tx.TxHash;
        Nonce = tx.Nonce;
        Disposition = disposition;
        Attempts = attempts;
        Accepted = accepted ?? [];
        RetryAfter = last.RetryAfter;
    }

    /// <summary>The hash of the signed transaction.</summary>
    public string TxHash { get; }

    /// <summary>The nonce it was signed with.</summary>
    public long Nonce { get; }

    /// <summary>What became of the nonce.</summary>
    public NonceDisposition Disposition { get; }

    /// <summary>How many times the signed bytes were sent.</summary>
    public int Attempts { get; }

    /// <summary>For a batch: the transactions the exchange holds, by position (null where it does not); empty for a single send.</summary>
    public IReadOnlyList<TxSubmission?> Accepted { get; }

    private static string? Describe(LighterApiException? last, WireTransaction tx, NonceDisposition disposition, int attempts) =>
        $"{last?.ServerMessage ?? last?.Message} (tx nonce {tx.Nonce}, {attempts} attempt(s), nonce {disposition.ToString().ToLowerInvariant()})";
}
