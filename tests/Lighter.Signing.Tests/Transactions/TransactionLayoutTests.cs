using Lighter.Signing.Transactions;

namespace Lighter.Signing.Tests.Transactions;

/// <summary>Pre-image layout and tx_info rendering, checked against every vector of transactions.json.</summary>
public class TransactionLayoutTests
{
    public static TheoryData<string> Vectors => TransactionVector.AllNames;

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Preimage_elements_match_the_official_layout(string name)
    {
        var vector = TransactionVector.Get(name);
        var expected = vector.Json.GetProperty("preimage_elems").EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.Equal(expected, vector.Preimage());
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Official_inputs_pass_validation(string name)
    {
        var vector = TransactionVector.Get(name);
        vector.Transaction.Validate(vector.Header);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Tx_info_with_the_official_signature_is_byte_identical(string name)
    {
        var vector = TransactionVector.Get(name);
        var signature = Convert.FromBase64String(vector.Text("signature_b64"));
        Assert.Equal(vector.Text("tx_info"), vector.Transaction.ToTxInfo(vector.Header, signature));
    }

    [Fact]
    public void Account_minus_one_is_hashed_as_twos_complement_not_as_p_minus_one()
    {
        var vector = TransactionVector.Get("create_sub_account_account_minus_one");
        Assert.Equal("4294967294", vector.Preimage()[4]);
    }

    [Fact]
    public void All_twenty_client_transaction_types_are_covered_by_the_vectors()
    {
        var covered = TransactionVector.Names.Select(n => TransactionVector.Get(n).Transaction.TxType).ToHashSet();
        Assert.Equal(Enum.GetValues<TxType>().ToHashSet(), covered);
    }

    [Fact]
    public void Unsigned_tx_info_renders_a_nil_signature_as_null()
    {
        var vector = TransactionVector.Get("cancel_all_immediate");
        Assert.Contains("\"Sig\":null", vector.Transaction.ToTxInfo(vector.Header, []), StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_l1_signature_is_rejected_naming_the_field()
    {
        var vector = TransactionVector.Get("transfer_usdc");
        var ex = Assert.Throws<LighterSigningException>(() => vector.Transaction.ToTxInfo(vector.Header, new byte[80], "0x1234\""));
        Assert.Equal("L1Sig", ex.Field);
    }
}
