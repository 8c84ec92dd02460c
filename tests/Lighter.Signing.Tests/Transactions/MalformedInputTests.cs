using Lighter.Signing.Transactions;

namespace Lighter.Signing.Tests.Transactions;

/// <summary>
/// Issue 16, item 3: malformed attribute keys, wrong JSON shapes and null collection elements end in a
/// <see cref="LighterSigningException"/> naming the field, never ArgumentOutOfRange or NullReference.
/// </summary>
public class MalformedInputTests
{
    private const string CancelPrefix = """{"AccountIndex":1,"ApiKeyIndex":0,"MarketIndex":1,"Index":1,"ExpiredAt":0,"Nonce":0,"Sig":null,"L2TxAttributes":""";

    [Theory]
    [InlineData("""{"Name(1":1}""")]
    [InlineData("""{"(":1}""")]
    [InlineData("""{")(":1}""")]
    [InlineData("""{"Name()":1}""")]
    [InlineData("""{"Name(1)x":1}""")]
    [InlineData("""{"Name(1))":1}""")]
    [InlineData("""{"Name(300)":1}""")]
    [InlineData("""{"-1":1}""")]
    [InlineData("""{"":1}""")]
    [InlineData("""{"1":"x"}""")]
    [InlineData("""{"1":1.5}""")]
    [InlineData("""{"1":null}""")]
    [InlineData("""{"2":-1}""")]
    [InlineData("""{"4":256}""")]
    [InlineData("""{"5":99999}""")]
    [InlineData("""{"1":99999999999999999999999}""")]
    public void Malformed_attributes_name_L2TxAttributes(string attributes)
    {
        var ex = Assert.Throws<LighterSigningException>(() => ParsedTransaction.Parse(TxType.CancelOrder, CancelPrefix + attributes + "}"));

        Assert.Equal("L2TxAttributes", ex.Field);
    }

    [Fact]
    public void Oracle_notation_attribute_keys_still_parse()
    {
        var parsed = ParsedTransaction.Parse(TxType.CancelOrder, CancelPrefix + """{"SkipNonce(4)":1,"1":0}""" + "}");

        Assert.Equal((byte)1, parsed.Transaction.Attributes!.SkipTxNonce);
        Assert.Equal(0, parsed.Transaction.Attributes.IntegratorAccountIndex);
    }

    [Theory]
    [InlineData("""{"Orders":{}}""", "Orders")]
    [InlineData("""{"Orders":null}""", "Orders")]
    [InlineData("""{"Orders":[null]}""", "MarketIndex")]
    [InlineData("""{"Orders":[1]}""", "MarketIndex")]
    public void Grouped_orders_with_wrong_shapes_name_the_field(string body, string field)
    {
        var json = body[..^1] + ""","GroupingType":0,"AccountIndex":1,"ApiKeyIndex":0,"ExpiredAt":0,"Nonce":0,"Sig":null}""";

        var ex = Assert.Throws<LighterSigningException>(() => ParsedTransaction.Parse(TxType.CreateGroupedOrders, json));

        Assert.Equal(field, ex.Field);
    }

    [Theory]
    [InlineData("""{"PubKey":{}}""", "PubKey")]
    [InlineData("""{"PubKey":"!!not base64"}""", "PubKey")]
    [InlineData("""{"PubKey":[1,"x"]}""", "PubKey")]
    [InlineData("""{"PubKey":[1,256]}""", "PubKey")]
    public void Byte_fields_with_wrong_shapes_name_the_field(string body, string field)
    {
        var json = body[..^1] + ""","AccountIndex":1,"ApiKeyIndex":0,"ExpiredAt":0,"Nonce":0,"Sig":null,"L1Sig":""}""";

        var ex = Assert.Throws<LighterSigningException>(() => ParsedTransaction.Parse(TxType.ChangePubKey, json));

        Assert.Equal(field, ex.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void A_null_grouped_order_is_named_when_signing(int nullAt)
    {
        var orders = new OrderInfo?[] { Order(1), Order(2) };
        orders[nullAt] = null;
        var tx = new CreateGroupedOrders { GroupingType = GroupingType.OneCancelsTheOther, Orders = orders! };
        using var key = LighterPrivateKey.Generate();
        var signer = new LighterSigner(key, LighterChainId.Testnet, 1, 0);

        var ex = Assert.Throws<LighterSigningException>(() => signer.Sign(tx, nonce: 0));

        Assert.Equal($"Orders[{nullAt}]", ex.Field);
    }

    [Fact]
    public void A_null_grouped_order_is_named_by_hash_and_tx_info_too()
    {
        var tx = new CreateGroupedOrders { GroupingType = GroupingType.OneCancelsTheOther, Orders = [Order(1), null!] };
        var header = new TxHeader(1, 0, 0, 1);

        Assert.Equal("Orders[1]", Assert.Throws<LighterSigningException>(() => tx.Hash(LighterChainId.Testnet, header)).Field);
        Assert.Equal("Orders[1]", Assert.Throws<LighterSigningException>(() => tx.ToTxInfo(header, [])).Field);
    }

    [Fact]
    public void A_null_grouped_order_list_is_named_everywhere()
    {
        var tx = new CreateGroupedOrders { GroupingType = GroupingType.OneCancelsTheOther, Orders = null! };
        var header = new TxHeader(1, 0, 0, 1);

        Assert.Equal("Orders", Assert.Throws<LighterSigningException>(() => tx.Validate(header)).Field);
        Assert.Equal("Orders", Assert.Throws<LighterSigningException>(() => tx.Hash(LighterChainId.Testnet, header)).Field);
        Assert.Equal("Orders", Assert.Throws<LighterSigningException>(() => tx.ToTxInfo(header, [])).Field);
    }

    private static OrderInfo Order(long clientOrderIndex) => new()
    {
        MarketIndex = 0, ClientOrderIndex = clientOrderIndex, BaseAmount = 10, Price = 100, Side = OrderSide.Sell, ReduceOnly = true,
        Type = OrderType.StopLoss, TimeInForce = OrderTimeInForce.ImmediateOrCancel, TriggerPrice = 100,
    };
}
