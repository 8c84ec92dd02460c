namespace Lighter.Client.Submission;

/// <summary>A transaction the exchange holds, and how the client established that.</summary>
/// <param name="TxHash">The transaction hash.</param>
/// <param name="Nonce">The nonce it used.</param>
/// <param name="PredictedExecutionTimeMs">The server's predicted execution time, when it answered.</param>
/// <param name="VolumeQuotaRemaining">Premium volume quota left, when it answered.</param>
/// <param name="Verdict">How acceptance was established (see <see cref="TxVerdict"/>).</param>
/// <param name="Attempts">How many times the signed bytes were sent (1 without faults).</param>
public sealed record TxSubmission(string TxHash, long Nonce, long? PredictedExecutionTimeMs, long? VolumeQuotaRemaining, TxVerdict Verdict, int Attempts)
{
    /// <summary>True when the first send had no clear answer and acceptance was established otherwise.</summary>
    public bool ResolvedAfterFault => Verdict != TxVerdict.Answered;
}

/// <summary>How the client established that the exchange holds a transaction.</summary>
public enum TxVerdict
{
    /// <summary>The exchange answered the first send with success.</summary>
    Answered,

    /// <summary>A send had no clear answer (429, 5xx, timeout); a resend of the identical signed bytes was answered with success.</summary>
    Resent,

    /// <summary>The exchange returned the transaction when asked for it by hash.</summary>
    FoundByHash,

    /// <summary>
    /// The exchange's <c>nextNonce</c> moved past the transaction's nonce after a send that may have landed, the hash
    /// look-up did not find it (unavailable, or not yet indexed), and no other transaction of this client held that
    /// nonce.
    /// </summary>
    FoundByNonce,
}

/// <summary>What became of a failed transaction's nonce.</summary>
public enum NonceDisposition
{
    /// <summary>The exchange showed the nonce unused and no request with it is outstanding: it goes to the next transaction.</summary>
    Released,

    /// <summary>The nonce is used on the exchange by something else; the transaction itself did not execute.</summary>
    Consumed,

    /// <summary>The exchange could not be asked: the transaction may or may not have executed. Look it up by <see cref="LighterSubmissionException.TxHash"/>.</summary>
    Unknown,
}
