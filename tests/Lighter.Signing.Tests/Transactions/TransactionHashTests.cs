using Lighter.Signing.Crypto;

namespace Lighter.Signing.Tests.Transactions;

/// <summary>Core, attribute and final hashes equal the official ones for every vector of transactions.json.</summary>
public class TransactionHashTests
{
    public static TheoryData<string> Vectors => TransactionVector.AllNames;

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Tx_hash_matches(string name)
    {
        var vector = TransactionVector.Get(name);
        Assert.Equal(vector.Text("tx_hash_hex"), Hex(vector.Transaction.Hash(vector.ChainId, vector.Header)));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Core_hash_matches(string name)
    {
        var vector = TransactionVector.Get(name);
        Span<ulong> preimage = stackalloc ulong[16];
        var length = vector.Transaction.WritePreimage(vector.ChainId, vector.Header, preimage);
        Assert.Equal(vector.Text("core_hash_hex"), Hex(Poseidon2.HashToQuinticExtension(preimage[..length])));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Attribute_preimage_matches_when_attributes_are_hashed(string name)
    {
        var vector = TransactionVector.Get(name);
        Span<ulong> attributes = stackalloc ulong[8];
        var hashed = vector.Transaction.Attributes?.WritePreimage(attributes) ?? false;
        Assert.Equal(vector.Json.TryGetProperty("attrs_preimage", out var expected), hashed);
        if (hashed)
        {
            Assert.Equal(expected.EnumerateArray().Select(e => ulong.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture)),
                attributes.ToArray());
            Assert.Equal(vector.Text("attrs_hash_hex"), Hex(Poseidon2.HashToQuinticExtension(attributes)));
        }
    }

    [Fact]
    public void Nil_only_attributes_hash_like_no_attributes_but_still_serialise()
    {
        var vector = TransactionVector.Get("create_order_nil_attr_values_only");
        Assert.Equal(vector.Text("core_hash_hex"), vector.Text("tx_hash_hex"));
        Assert.Equal(vector.Text("tx_hash_hex"), Hex(vector.Transaction.Hash(vector.ChainId, vector.Header)));
    }

    internal static string Hex(in Fp5 value)
    {
        Span<byte> bytes = stackalloc byte[40];
        value.WriteLittleEndianBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
