using System.Globalization;
using System.Text.Json;
using Lighter.Signing;
using Lighter.Signing.Crypto;
using Lighter.Testing.Transactions;

namespace Lighter.Testing.Tests;

/// <summary>
/// Signs transactions for sandbox tests with the signer's Schnorr primitive. The hash comes from the sandbox's
/// own layout, which <see cref="Transactions.TxPreimageTests"/> pins to the official vectors.
/// </summary>
internal sealed class TestSigner(LighterPrivateKey key, long accountIndex, int apiKeyIndex, uint chainId, TimeProvider clock)
{
    public long AccountIndex => accountIndex;

    public int ApiKeyIndex => apiKeyIndex;

    public long Nonce { get; set; }

    public string CreateOrder(int market, long clientOrderIndex, long baseAmount, long price, bool isAsk, int type = 0,
        int timeInForce = 1, bool reduceOnly = false, long? orderExpiry = null)
    {
        var expiry = orderExpiry ?? (timeInForce == 0 ? 0 : clock.GetUtcNow().AddDays(28).ToUnixTimeMilliseconds());
        return Sign(14, w =>
        {
            w.WriteNumber("AccountIndex", accountIndex);
            w.WriteNumber("ApiKeyIndex", apiKeyIndex);
            w.WriteNumber("MarketIndex", market);
            w.WriteNumber("ClientOrderIndex", clientOrderIndex);
            w.WriteNumber("BaseAmount", baseAmount);
            w.WriteNumber("Price", price);
            w.WriteNumber("IsAsk", isAsk ? 1 : 0);
            w.WriteNumber("Type", type);
            w.WriteNumber("TimeInForce", timeInForce);
            w.WriteNumber("ReduceOnly", reduceOnly ? 1 : 0);
            w.WriteNumber("TriggerPrice", 0);
            w.WriteNumber("OrderExpiry", expiry);
        });
    }

    public string CancelOrder(int market, long index) => Sign(15, w =>
    {
        w.WriteNumber("AccountIndex", accountIndex);
        w.WriteNumber("ApiKeyIndex", apiKeyIndex);
        w.WriteNumber("MarketIndex", market);
        w.WriteNumber("Index", index);
    });

    public string ModifyOrder(int market, long index, long baseAmount, long price) => Sign(17, w =>
    {
        w.WriteNumber("AccountIndex", accountIndex);
        w.WriteNumber("ApiKeyIndex", apiKeyIndex);
        w.WriteNumber("MarketIndex", market);
        w.WriteNumber("Index", index);
        w.WriteNumber("BaseAmount", baseAmount);
        w.WriteNumber("Price", price);
        w.WriteNumber("TriggerPrice", 0);
    });

    public string CreateSubAccount() => Sign(9, w =>
    {
        w.WriteNumber("AccountIndex", accountIndex);
        w.WriteNumber("ApiKeyIndex", apiKeyIndex);
    });

    public string Withdraw(long usdcMicros) => Sign(13, w =>
    {
        w.WriteNumber("FromAccountIndex", accountIndex);
        w.WriteNumber("ApiKeyIndex", apiKeyIndex);
        w.WriteNumber("AssetIndex", 3);
        w.WriteNumber("RouteType", 0);
        w.WriteNumber("Amount", usdcMicros);
    });

    /// <summary>Registers <paramref name="newKey"/> at this signer's API key index; signed with the new key, as the SDKs do.</summary>
    public static string ChangePubKey(LighterPrivateKey newKey, long accountIndex, int apiKeyIndex, long nonce, string l1PrivateKey,
        uint chainId, TimeProvider clock) =>
        ChangePubKey(newKey, newKey.PublicKey.ToArray(), accountIndex, apiKeyIndex, nonce, l1PrivateKey, chainId, clock);

    /// <summary>A ChangePubKey that announces <paramref name="pubKey"/> (any 40 bytes) but is signed with <paramref name="signingKey"/>.</summary>
    public static string ChangePubKey(LighterPrivateKey signingKey, byte[] pubKey, long accountIndex, int apiKeyIndex, long nonce,
        string l1PrivateKey, uint chainId, TimeProvider clock)
    {
        using var l1 = new Lighter.Signing.L1.L1Signer(l1PrivateKey);
        var l1Sig = l1.SignMessage(L1Check.ChangePubKeyMessage(pubKey, nonce, accountIndex, apiKeyIndex));
        var signer = new TestSigner(signingKey, accountIndex, apiKeyIndex, chainId, clock) { Nonce = nonce };
        return signer.Sign(8, w =>
        {
            w.WriteNumber("AccountIndex", accountIndex);
            w.WriteNumber("ApiKeyIndex", apiKeyIndex);
            w.WriteBase64String("PubKey", pubKey);
            w.WriteString("L1Sig", l1Sig);
        });
    }

    public string CancelAll() => Sign(16, w =>
    {
        w.WriteNumber("AccountIndex", accountIndex);
        w.WriteNumber("ApiKeyIndex", apiKeyIndex);
        w.WriteNumber("TimeInForce", 0);
        w.WriteNumber("Time", 0);
    });

    public string AuthToken(TimeSpan lifetime)
    {
        var deadline = clock.GetUtcNow().Add(lifetime).ToUnixTimeSeconds();
        var message = string.Create(CultureInfo.InvariantCulture, $"{deadline}:{accountIndex}:{apiKeyIndex}");
        var signature = new byte[80];
        Schnorr.Sign(key, Fp5.FromLittleEndianBytes(TxVerifier.AuthMessageHash(message)), signature);
        return message + ":" + Convert.ToHexStringLower(signature);
    }

    private string Sign(int txType, Action<Utf8JsonWriter> body)
    {
        var expiredAt = clock.GetUtcNow().AddMinutes(10).ToUnixTimeMilliseconds();
        var tx = DecodedTx.Parse(txType, Write(body, expiredAt, Nonce, Convert.ToBase64String(new byte[80])));
        var hash = new TxVerifier(chainId).Hash(tx);
        var signature = new byte[80];
        Schnorr.Sign(key, Fp5.FromLittleEndianBytes(hash), signature);
        Nonce++;
        return Write(body, expiredAt, tx.Nonce, Convert.ToBase64String(signature));
    }

    private static string Write(Action<Utf8JsonWriter> body, long expiredAt, long nonce, string sig)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            body(w);
            w.WriteNumber("ExpiredAt", expiredAt);
            w.WriteNumber("Nonce", nonce);
            w.WriteString("Sig", sig);
            w.WriteNull("L2TxAttributes");
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
