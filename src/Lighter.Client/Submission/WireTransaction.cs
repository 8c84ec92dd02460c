namespace Lighter.Client.Submission;

/// <summary>A signed transaction as <c>sendTx</c> takes it: type, the exact <c>tx_info</c> JSON and its hash.</summary>
/// <param name="TxType">Transaction type number (e.g. 14 CreateOrder).</param>
/// <param name="TxInfo">The signed <c>tx_info</c> JSON, sent verbatim.</param>
/// <param name="TxHash">The transaction hash (hex), known from signing.</param>
/// <param name="Nonce">The nonce the transaction was signed with.</param>
public sealed record WireTransaction(int TxType, string TxInfo, string TxHash, long Nonce)
{
    /// <inheritdoc />
    public override string ToString() => $"tx type {TxType} nonce {Nonce} hash {TxHash}";
}

/// <summary>What the exchange answered for a submitted transaction.</summary>
/// <param name="TxHash">The transaction hash.</param>
/// <param name="Nonce">The nonce it used.</param>
/// <param name="PredictedExecutionTimeMs">The server's predicted execution time, when it answered.</param>
/// <param name="VolumeQuotaRemaining">Premium volume quota left, when it answered.</param>
/// <param name="ResolvedAfterFault">True when the send had no clear answer and the outcome was established by
/// looking the transaction up (by hash, then by nonce) instead of resending blindly.</param>
public sealed record TxSubmission(string TxHash, long Nonce, long? PredictedExecutionTimeMs, long? VolumeQuotaRemaining, bool ResolvedAfterFault);
