using Lighter.Signing.L1;
using Lighter.Signing.Tests.Transactions;
using Lighter.Signing.Transactions;

namespace Lighter.Signing.Tests.L1;

/// <summary>L1 message texts and EIP-191 signatures equal the oracle's for ChangePubKey, Transfer, ApproveIntegrator.</summary>
public class L1SignatureTests
{
    public static TheoryData<string> L1Vectors => new(TransactionVector.Names.Where(n => TransactionVector.Get(n).Json.TryGetProperty("l1", out _)));

    [Theory]
    [MemberData(nameof(L1Vectors))]
    public void Message_text_is_exact(string name)
    {
        var vector = TransactionVector.Get(name);
        var tx = Assert.IsAssignableFrom<IL1SignedTransaction>(vector.Transaction);
        Assert.Equal(vector.Text("l1_message_to_sign"), tx.GetL1Message(vector.ChainId, vector.Header));
    }

    [Theory]
    [MemberData(nameof(L1Vectors))]
    public void Signature_and_tx_info_with_l1_signature_are_exact(string name)
    {
        var vector = TransactionVector.Get(name);
        var l1 = vector.Json.GetProperty("l1");
        using var signer = new L1Signer(l1.GetProperty("eth_private_key_hex").GetString()!);
        Assert.Equal(l1.GetProperty("eth_address").GetString(), signer.Address);

        var signature = signer.SignMessage(vector.Text("l1_message_to_sign"));
        Assert.Equal(l1.GetProperty("l1_sig").GetString(), signature);

        var sig = Convert.FromBase64String(vector.Text("signature_b64"));
        Assert.Equal(l1.GetProperty("tx_info_with_l1sig").GetString(), vector.Transaction.ToTxInfo(vector.Header, sig, signature));
    }

    [Fact]
    public void Three_transaction_types_carry_l1_vectors()
    {
        Assert.Equal(3, L1Vectors.Count);
    }

    [Theory]
    [InlineData("not hex at all")]
    [InlineData("0x1234")]
    public void Malformed_keys_are_rejected_without_echoing_them(string key)
    {
        var ex = Assert.Throws<LighterSigningException>(() => new L1Signer(key));
        Assert.DoesNotContain(key, ex.Message, StringComparison.Ordinal);
    }
}
