using Lighter.Signing.Crypto;
using Lighter.Signing.Tests.Vectors;

namespace Lighter.Signing.Tests.Transactions;

/// <summary>Fixed-k signatures and official random signatures of every transactions.json vector.</summary>
public class FixedNonceSignatureTests
{
    public static TheoryData<string> Vectors => TransactionVector.AllNames;

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Fixed_k_signature_is_byte_identical_and_the_official_one_verifies(string name)
    {
        var vector = TransactionVector.Get(name);
        using var key = LighterPrivateKey.Parse(vector.PrivateKeyHex);
        Assert.Equal(vector.Text("public_key_hex"), key.PublicKey.ToHex());
        var hash = vector.Transaction.Hash(vector.ChainId, vector.Header);
        var fixedK = vector.Json.GetProperty("fixed_k").U64Array();
        var signature = new byte[80];
        Schnorr.SignWithFixedNonce(key, hash, fixedK, signature);
        Assert.Equal(vector.Text("signature_fixed_k_hex"), Convert.ToHexStringLower(signature));
        Assert.True(Schnorr.Verify(key.PublicKey, hash, Convert.FromHexString(vector.Text("signature_hex"))));
    }
}
