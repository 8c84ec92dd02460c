using System.Text.Json;
using Lighter.Signing.Crypto;
using Lighter.Signing.Tests.Vectors;
using Lighter.Signing.Transactions;

namespace Lighter.Signing.Tests.Transactions;

/// <summary>webwasm_crosscheck.json: the shipped web-wasm build's hashes, tx_info and texts equal ours.</summary>
public class WebWasmCrosscheckTests
{
    public static TheoryData<string> Cases
    {
        get
        {
            using var doc = VectorFiles.Load("oracle/webwasm_crosscheck.json");
            return new(doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Hash_and_tx_info_match_the_web_wasm(string name)
    {
        using var doc = VectorFiles.Load("oracle/webwasm_crosscheck.json");
        var item = doc.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        var text = item.GetProperty("webwasm_txInfo").GetString()!;
        using var info = JsonDocument.Parse(text);
        var json = info.RootElement;
        var header = new TxHeader(json.GetProperty("AccountIndex").GetInt64(), json.GetProperty("ApiKeyIndex").GetByte(),
            json.GetProperty("Nonce").GetInt64(), json.GetProperty("ExpiredAt").GetInt64());
        var type = name.StartsWith("create_order", StringComparison.Ordinal) ? TxType.CreateOrder
            : name.StartsWith("cancel_order", StringComparison.Ordinal) ? TxType.CancelOrder : TxType.UpdateLeverage;
        var tx = TransactionJsonReader.Read(type, json, null);
        var signature = json.GetProperty("Sig").GetBytesFromBase64();

        Assert.Equal(text, tx.ToTxInfo(header, signature));
        Assert.Equal(item.GetProperty("webwasm_txHash").GetString(), TransactionHashTests.Hex(tx.Hash(LighterChainId.Mainnet, header)));
    }

    [Fact]
    public void Change_pub_key_text_and_public_key_match_the_web_wasm_client()
    {
        using var doc = VectorFiles.Load("oracle/webwasm_crosscheck.json");
        var response = doc.RootElement.GetProperty("client_k1_response");
        using var key = LighterPrivateKey.Parse(response.GetProperty("prv").GetString()!);
        Assert.Equal(response.GetProperty("pk").GetString(), key.PublicKey.ToHex());
        var tx = new ChangePubKey { PubKey = key.PublicKey.ToArray() };
        Assert.Equal(response.GetProperty("body").GetString(), tx.GetL1Message(LighterChainId.Mainnet, new TxHeader(1, 0, 0, 0)));
    }

    [Fact]
    public void Web_wasm_auth_token_verifies()
    {
        using var doc = VectorFiles.Load("oracle/webwasm_crosscheck.json");
        var token = doc.RootElement.GetProperty("auth_token_webwasm_k3_random_deadline_now_plus_1h");
        var message = Lighter.Signing.Auth.AuthTokens.Message(token.GetProperty("deadline").GetInt64(),
            token.GetProperty("accountIndex").GetInt64(), token.GetProperty("apiKeyIndex").GetByte());
        using var key = LighterPrivateKey.Parse(Auth.AuthTokenTests.KeyHex("k3"));
        Assert.True(Schnorr.Verify(key.PublicKey, Lighter.Signing.Auth.AuthTokens.Hash(message),
            Convert.FromHexString(token.GetProperty("signature").GetString()!)));
        Assert.Equal(token.GetProperty("token").GetString(), message + ":" + token.GetProperty("signature").GetString());
    }
}
