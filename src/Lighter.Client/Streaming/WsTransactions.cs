namespace Lighter.Client.Streaming;

/// <summary>An already-signed transaction: its type and the signer's <c>tx_info</c> JSON text.</summary>
/// <param name="TxType">Transaction type code (e.g. 14 for create order).</param>
/// <param name="TxInfo">Signed <c>tx_info</c> JSON, exactly as the signer produced it.</param>
public readonly record struct SignedTransaction(int TxType, string TxInfo);

/// <summary>The server's reply to <c>jsonapi/sendtx</c> or <c>jsonapi/sendtxbatch</c>.</summary>
/// <param name="Id">Correlation id echoed by the server.</param>
/// <param name="Code">Result code; 200 means accepted, as on REST.</param>
/// <param name="Message">Server message, if any.</param>
/// <param name="TxHashes">Hashes of the accepted transactions (one for a single send).</param>
/// <param name="ErrorJson">The raw <c>error</c> value, when present.</param>
public sealed record WsTransactionResponse(string? Id, int Code, string? Message, IReadOnlyList<string> TxHashes, string? ErrorJson)
{
    /// <summary>Whether the server accepted the transaction(s).</summary>
    public bool IsSuccess => Code == 200 && ErrorJson is null;
}
