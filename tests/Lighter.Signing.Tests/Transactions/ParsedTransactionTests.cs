using Lighter.Signing.Transactions;

namespace Lighter.Signing.Tests.Transactions;

/// <summary>Reading tx_info back: official vectors round-trip, random signed orders verify, tampering is caught.</summary>
public class ParsedTransactionTests
{
    public static TheoryData<string> Vectors => TransactionVector.AllNames;

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Official_tx_info_parses_back_to_the_same_transaction_and_its_signature_verifies(string name)
    {
        var vector = TransactionVector.Get(name);
        var parsed = ParsedTransaction.Parse(vector.Transaction.TxType, vector.Text("tx_info"));

        Assert.Equal(vector.Header, parsed.Header);
        Assert.Equal(vector.Text("tx_info"), parsed.Transaction.ToTxInfo(parsed.Header, parsed.Signature.Span));
        using var key = LighterPrivateKey.Parse(vector.PrivateKeyHex);
        Assert.True(parsed.VerifySignature(vector.ChainId, key.PublicKey));
        Assert.False(parsed.VerifySignature(vector.ChainId == LighterChainId.Mainnet ? LighterChainId.Testnet : LighterChainId.Mainnet, key.PublicKey));
    }

    [Fact]
    public void Random_signed_orders_verify_and_tampered_ones_do_not()
    {
        var random = new Random(20261201);
        using var key = LighterPrivateKey.Generate();
        var signer = new LighterSigner(key, LighterChainId.Testnet, random.NextInt64(0, 1L << 47), (byte)random.Next(0, 255));
        for (var i = 0; i < 20; i++)
        {
            var order = new CreateOrder
            {
                MarketIndex = (short)random.Next(0, 255), ClientOrderIndex = random.NextInt64(1, 1L << 48),
                BaseAmount = random.NextInt64(1, 1L << 48), Price = (uint)random.NextInt64(1, uint.MaxValue),
                Side = random.Next(2) == 1 ? OrderSide.Sell : OrderSide.Buy, Type = OrderType.Limit, TimeInForce = OrderTimeInForce.GoodTillTime,
                OrderExpiry = random.NextInt64(1, long.MaxValue),
            };
            var signed = signer.Sign(order, nonce: random.NextInt64(0, 1L << 48));

            var parsed = ParsedTransaction.Parse(TxType.CreateOrder, signed.TxInfo);
            Assert.Equal(order, parsed.Transaction);
            Assert.True(parsed.VerifySignature(LighterChainId.Testnet, key.PublicKey));

            var tampered = signed.TxInfo.Replace($"\"Price\":{order.Price},", $"\"Price\":{order.Price ^ 1},", StringComparison.Ordinal);
            Assert.False(ParsedTransaction.Parse(TxType.CreateOrder, tampered).VerifySignature(LighterChainId.Testnet, key.PublicKey));
        }
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"AccountIndex":1}""")]
    [InlineData("""{"AccountIndex":1,"ApiKeyIndex":0,"MarketIndex":99999,"Index":1,"ExpiredAt":0,"Nonce":0,"Sig":null,"L2TxAttributes":null}""")]
    public void Malformed_tx_info_is_rejected_with_a_signing_exception(string txInfo)
    {
        var ex = Assert.Throws<LighterSigningException>(() => ParsedTransaction.Parse(TxType.CancelOrder, txInfo));
        Assert.False(string.IsNullOrEmpty(ex.Field));
    }
}
