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
