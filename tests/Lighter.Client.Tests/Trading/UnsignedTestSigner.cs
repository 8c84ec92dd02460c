using System.Globalization;
using Lighter.Client.Submission;
using Lighter.Client.Trading;
using Lighter.Signing.Transactions;

namespace Lighter.Client.Tests.Trading;

/// <summary>
/// Test double: runs the real validation and tx_info rendering of Lighter.Signing with an all-zero signature
/// (signature bytes are covered by the signer's own vector tests).
/// </summary>
internal sealed class UnsignedTestSigner(uint chainId, long account, byte apiKey) : ILighterTransactionSigner
{
    public LighterChainId ChainId { get; } = new(chainId);

    public long AccountIndex { get; } = account;

    public byte ApiKeyIndex { get; } = apiKey;

    public List<LighterTransaction> Signed { get; } = [];

    public WireTransaction Sign(LighterTransaction transaction, long nonce, long? expiredAt)
    {
        var header = new TxHeader(AccountIndex, ApiKeyIndex, nonce, expiredAt ?? 1_767_255_000_000);
        transaction.Validate(header);
        lock (Signed) Signed.Add(transaction);
        var info = transaction.ToTxInfo(header, new byte[80]);
        return new WireTransaction((int)transaction.TxType, info, "hash" + nonce.ToString(CultureInfo.InvariantCulture), nonce);
    }

    public string CreateAuthToken(DateTimeOffset deadline) => $"{deadline.ToUnixTimeSeconds()}:{AccountIndex}:{ApiKeyIndex}:test";
}
