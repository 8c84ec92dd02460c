namespace Lighter.Signing.Transactions;

/// <summary>
/// A signed L2 transaction, ready for <c>sendTx</c>: the <see cref="TxType"/> number and the <see cref="TxInfo"/>
/// JSON go into the request; <see cref="TxHash"/> is the hash the exchange will report for it.
/// </summary>
public sealed class SignedTransaction
{
    private readonly byte[] _signature;

    internal SignedTransaction(
        LighterTransaction transaction, TxHeader header, string txHash, byte[] signature, string? l1Message,
        string? l1Signature)
    {
        Transaction = transaction;
        Header = header;
        TxHash = txHash;
        _signature = signature;
        L1Message = l1Message;
        L1Signature = l1Signature;
        TxInfo = transaction.ToTxInfo(header, signature, l1Signature);
    }

    /// <summary>The transaction type number (the <c>tx_type</c> form field).</summary>
    public TxType TxType => Transaction.TxType;

    /// <summary>The exact JSON the exchange expects (the <c>tx_info</c> form field).</summary>
    public string TxInfo { get; }

    /// <summary>The signed message hash as 80 lowercase hex digits (no <c>0x</c>): the exchange's tx hash.</summary>
    public string TxHash { get; }

    /// <summary>The nonce the transaction consumed (unless it carries the skip-nonce attribute).</summary>
    public long Nonce => Header.Nonce;

    /// <summary>Unix milliseconds after which the exchange drops the transaction.</summary>
    public long ExpiredAt => Header.ExpiredAt;

    /// <summary>The transaction that was signed.</summary>
    public LighterTransaction Transaction { get; }

    /// <summary>Account, API key, nonce and expiry that were signed.</summary>
    public TxHeader Header { get; }

    /// <summary>The 80-byte Schnorr signature (s ‖ e).</summary>
    public ReadOnlyMemory<byte> Signature => _signature;

    /// <summary>
    /// For ChangePubKey, Transfer and ApproveIntegrator: the text the account's Ethereum wallet must sign
    /// (EIP-191); otherwise <see langword="null"/>.
    /// </summary>
    public string? L1Message { get; }

    /// <summary>The L1 signature included in <see cref="TxInfo"/>, or <see langword="null"/> when none is.</summary>
    public string? L1Signature { get; }

    /// <summary>
    /// Returns the same transaction with an L1 signature produced elsewhere (e.g. a hardware wallet signing
    /// <see cref="L1Message"/>). The L2 signature and hash are unchanged: L1Sig is not hashed.
    /// </summary>
    /// <param name="l1Signature"><c>0x</c> + 130 hex digits (r ‖ s ‖ v).</param>
    /// <returns>A new signed transaction whose <see cref="TxInfo"/> carries the L1 signature.</returns>
    public SignedTransaction WithL1Signature(string l1Signature)
    {
        ArgumentException.ThrowIfNullOrEmpty(l1Signature);
        if (L1Message is null)
        {
            throw new LighterSigningException($"{TxType} transactions carry no L1 signature.", "L1Sig");
        }

        return new SignedTransaction(Transaction, Header, TxHash, _signature, L1Message, l1Signature);
    }

    /// <inheritdoc />
    public override string ToString() => $"{TxType} nonce {Nonce} hash {TxHash}";
}
