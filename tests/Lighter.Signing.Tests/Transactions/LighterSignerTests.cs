using Lighter.Signing.Crypto;
using Lighter.Signing.L1;
using Lighter.Signing.Tests.Auth;
using Lighter.Signing.Transactions;
using Microsoft.Extensions.Time.Testing;

namespace Lighter.Signing.Tests.Transactions;

/// <summary>The signer entry point: defaults, signature validity, L1 filling, no secrets in text.</summary>
public class LighterSignerTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_767_225_001_000);

    [Fact]
    public void Signs_the_official_vector_with_default_expiry_and_a_verifiable_signature()
    {
        // create_order_limit_gtt was produced with ExpiredAt = now + 10 min − 1 s at this clock (webwasm_crosscheck).
        var vector = TransactionVector.Get("create_order_limit_gtt");
        using var key = LighterPrivateKey.Parse(vector.PrivateKeyHex);
        var signer = new LighterSigner(key, LighterChainId.Mainnet, 1, 0, new FakeTimeProvider(Now));

        var signed = signer.Sign(vector.Transaction, nonce: 0);

        Assert.Equal(vector.Header.ExpiredAt, signed.ExpiredAt);
        Assert.Equal(vector.Text("tx_hash_hex"), signed.TxHash);
        Assert.Equal(TxType.CreateOrder, signed.TxType);
        Assert.Equal(vector.Transaction.ToTxInfo(vector.Header, signed.Signature.Span), signed.TxInfo);
        var hash = Fp5.FromLittleEndianBytes(Convert.FromHexString(signed.TxHash));
        Assert.True(Schnorr.Verify(key.PublicKey, hash, signed.Signature.Span));
        Assert.Null(signed.L1Message);
    }

    [Fact]
    public void Invalid_transactions_are_rejected_before_signing()
    {
        using var key = LighterPrivateKey.Parse(AuthTokenTests.KeyHex("k1"));
        var signer = new LighterSigner(key, LighterChainId.Testnet, 1, 0);
        var ex = Assert.Throws<LighterSigningException>(() => signer.Sign(
            new CreateOrder { MarketIndex = 0, BaseAmount = 1, Price = 0, Type = OrderType.Market }, nonce: 1));
        Assert.Equal("OrderPrice should not be less than 1", ex.Message);
        Assert.Equal("Price", ex.Field);
    }

    [Fact]
    public void Transfer_gets_its_l1_signature_from_an_l1_signer_or_later()
    {
        var vector = TransactionVector.Get("transfer_usdc");
        var l1 = vector.Json.GetProperty("l1");
        using var key = LighterPrivateKey.Parse(vector.PrivateKeyHex);
        using var ethereum = new L1Signer(l1.GetProperty("eth_private_key_hex").GetString()!);
        var signer = new LighterSigner(key, vector.ChainId, vector.Header.AccountIndex, vector.Header.ApiKeyIndex);

        var signed = signer.Sign(vector.Transaction, vector.Header.Nonce, vector.Header.ExpiredAt, ethereum);
        Assert.Equal(vector.Text("l1_message_to_sign"), signed.L1Message);
        Assert.Equal(l1.GetProperty("l1_sig").GetString(), signed.L1Signature);
        Assert.Contains($"\"L1Sig\":\"{signed.L1Signature}\"", signed.TxInfo, StringComparison.Ordinal);

        var unsigned = signer.Sign(vector.Transaction, vector.Header.Nonce, vector.Header.ExpiredAt);
        Assert.Contains("\"L1Sig\":\"\"", unsigned.TxInfo, StringComparison.Ordinal);
        var later = unsigned.WithL1Signature(ethereum.SignMessage(unsigned.L1Message!));
        Assert.Equal(unsigned.TxHash, later.TxHash);
        Assert.Equal(
            vector.Transaction.ToTxInfo(vector.Header, unsigned.Signature.Span, l1.GetProperty("l1_sig").GetString()),
            later.TxInfo);
    }

    [Fact]
    public void One_signer_signs_concurrently_and_every_signature_verifies()
    {
        using var key = LighterPrivateKey.Generate();
        var signer = new LighterSigner(key, LighterChainId.Testnet, 7, 1, new FakeTimeProvider(Now));
        var results = new SignedTransaction[64];
        Parallel.For(0, results.Length, i => results[i] = signer.Sign(
            new CancelOrder { MarketIndex = 1, Index = i + 1 }, nonce: i));

        for (var i = 0; i < results.Length; i++)
        {
            var parsed = ParsedTransaction.Parse(TxType.CancelOrder, results[i].TxInfo);
            Assert.Equal(i, parsed.Header.Nonce);
            Assert.Equal(i + 1, ((CancelOrder)parsed.Transaction).Index);
            Assert.True(parsed.VerifySignature(LighterChainId.Testnet, key.PublicKey));
        }
    }

    [Fact]
    public void Order_expiry_default_is_28_days()
    {
        Assert.Equal(Now.AddDays(28).ToUnixTimeMilliseconds(), TxDefaults.OrderExpiry(new FakeTimeProvider(Now)));
    }

    [Fact]
    public void No_private_key_appears_in_to_string_or_exception_messages()
    {
        var l2Hex = AuthTokenTests.KeyHex("k2");
        const string L1Hex = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
        using var key = LighterPrivateKey.Parse(l2Hex);
        using var ethereum = new L1Signer(L1Hex);
        var signer = new LighterSigner(key, LighterChainId.Mainnet, 42, 3);
        var token = signer.CreateAuthToken();
        var texts = new List<string> { key.ToString(), ethereum.ToString(), signer.ToString(), token.ToString() };
        texts.Add(signer.Sign(new CreateSubAccount(), nonce: 1).ToString());
        texts.Add(Assert.Throws<LighterSigningException>(() => signer.Sign(new CancelOrder { MarketIndex = 0, Index = 0 }, 1)).ToString());
        texts.Add(Assert.Throws<LighterSigningException>(() => new L1Signer(L1Hex[..62] + "zz")).ToString());
        texts.Add(Assert.Throws<LighterSigningException>(() => LighterPrivateKey.Parse(l2Hex + "00")).ToString());

        foreach (var text in texts)
        {
            Assert.DoesNotContain(l2Hex, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(L1Hex[..40], text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(token.Value, text, StringComparison.Ordinal);
        }
    }
}
