using System.Text.Json;
using Lighter.Client.Trading;
using Lighter.Signing;
using Lighter.Signing.Crypto;
using Lighter.Signing.L1;
using Lighter.Signing.Transactions;

namespace Lighter.Client.Tests.Trading;

public sealed class ManagedTransactionSignerTests
{
    private static readonly LighterClientOptions Options = new()
    {
        Environment = "custom",
        BaseUrl = new Uri("http://127.0.0.1:1/"),
        WebSocketUrl = new Uri("ws://127.0.0.1:1/stream"),
        ChainId = 300,
        AccountIndex = 7,
        ApiKeyIndex = 3,
        RateLimitTier = RateLimitTier.Unlimited,
    };

    [Fact]
    public void Create_with_a_private_key_attaches_a_signer_whose_signatures_verify()
    {
        using var key = LighterPrivateKey.Generate();
        using var client = LighterClient.Create(With(key.ExportHex()));

        Assert.NotNull(client.Signer);
        Assert.Equal(300u, client.Signer!.ChainId.Value);
        var order = new CreateOrder { MarketIndex = 0, ClientOrderIndex = 1, BaseAmount = 10, Price = 300_000, Side = OrderSide.Buy, Type = OrderType.Limit, TimeInForce = OrderTimeInForce.GoodTillTime, OrderExpiry = 1_767_254_400_000 + 86_400_000 };
        var wire = client.Signer.Sign(order, 42, 1_767_254_999_000);

        var expected = order.Hash(new LighterChainId(300), new TxHeader(7, 3, 42, 1_767_254_999_000));
        using var json = JsonDocument.Parse(wire.TxInfo);
        var signature = Convert.FromBase64String(json.RootElement.GetProperty("Sig").GetString()!);
        Assert.True(Schnorr.Verify(key.PublicKey, expected, signature));
        Assert.Equal(42, json.RootElement.GetProperty("Nonce").GetInt64());
        Assert.Equal(42, wire.Nonce);
        Assert.Equal((int)TxType.CreateOrder, wire.TxType);
    }

    [Fact]
    public void Create_without_a_private_key_is_read_only()
    {
        using var client = LighterClient.Create(Options);
        Assert.Null(client.Signer);
    }

    [Fact]
    public void A_malformed_key_is_a_configuration_error_that_does_not_echo_the_key()
    {
        const string bad = "0xZZ00000000000000000000000000000000000000000000000000000000000000000000000000000000";
        var error = Assert.Throws<LighterConfigurationException>(() => ManagedTransactionSigner.FromOptions(With(bad)));
        Assert.Contains("PrivateKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ZZ00", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_transaction_needing_an_l1_signature_is_refused_without_an_ethereum_key()
    {
        using var key = LighterPrivateKey.Generate();
        using var signer = ManagedTransactionSigner.FromOptions(With(key.ExportHex()))!;
        var transfer = new Transfer { ToAccountIndex = 8, AssetIndex = 3, FromRouteType = RouteType.Perps, ToRouteType = RouteType.Perps, Amount = 1_000_000, Memo = new byte[32] };

        var error = Assert.Throws<LighterConfigurationException>(() => signer.Sign(transfer, 1, null));
        Assert.Contains("L1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_an_ethereum_key_the_l1_signature_is_filled_in()
    {
        using var key = LighterPrivateKey.Generate();
        using var l1 = new L1Signer("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
        var signer = new ManagedTransactionSigner(new LighterSigner(key, new LighterChainId(300), 7, 3), l1);
        var transfer = new Transfer { ToAccountIndex = 8, AssetIndex = 3, FromRouteType = RouteType.Perps, ToRouteType = RouteType.Perps, Amount = 1_000_000, Memo = new byte[32] };

        var wire = signer.Sign(transfer, 1, 1_767_254_999_000);

        using var json = JsonDocument.Parse(wire.TxInfo);
        Assert.StartsWith("0x", json.RootElement.GetProperty("L1Sig").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_names_the_account_but_never_the_key()
    {
        using var key = LighterPrivateKey.Generate();
        using var signer = ManagedTransactionSigner.FromOptions(With(key.ExportHex()))!;
        Assert.DoesNotContain(key.ExportHex()[..20], signer.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("account 7", signer.ToString(), StringComparison.Ordinal);
    }

    private static LighterClientOptions With(string privateKey) => new()
    {
        Environment = Options.Environment,
        BaseUrl = Options.BaseUrl,
        WebSocketUrl = Options.WebSocketUrl,
        ChainId = Options.ChainId,
        AccountIndex = Options.AccountIndex,
        ApiKeyIndex = Options.ApiKeyIndex,
        RateLimitTier = Options.RateLimitTier,
        PrivateKey = privateKey,
    };
}
