using System.Text.Json;
using Lighter.Signing;
using Lighter.Signing.Auth;
using Lighter.Signing.Crypto;
using Lighter.Signing.Transactions;
using static Lighter.Cli.Commands.ConformanceRunner;

namespace Lighter.Cli.Commands;

/// <summary>
/// Checks <c>webwasm_crosscheck.json</c> (the shipped web-wasm build): its tx hashes and tx_info equal ours, its
/// signatures verify, its ChangePubKey L1 text equals ours, its auth token verifies.
/// </summary>
internal static class ConformanceWebWasm
{
    public static void Run(JsonElement root, string prefix, ConformanceContext context, ConformanceReport report)
    {
        foreach (var item in root.Array("cases"))
        {
            report.Vector(prefix + item.Text("name"), problems => CheckCase(item, context, problems));
        }

        report.Vector(prefix + "client_k1_response", problems =>
        {
            var response = root.Field("client_k1_response");
            using var key = LighterPrivateKey.Parse(response.Text("prv"));
            Expect(problems, "public key", response.Text("pk"), key.PublicKey.ToHex());
            var changePubKey = new ChangePubKey { PubKey = Convert.FromHexString(response.Text("pk")) };
            Expect(problems, "ChangePubKey L1 message", response.Text("body"),
                changePubKey.GetL1Message(LighterChainId.Mainnet, new TxHeader(1, 0, 0, 0)));
        });

        report.Vector(prefix + "auth_token_k3", problems =>
        {
            var token = root.Field("auth_token_webwasm_k3_random_deadline_now_plus_1h");
            var message = AuthTokens.Message(
                token.I64("deadline"), token.I64("accountIndex"),
                token.U8("apiKeyIndex"));
            Expect(problems, "token", token.Text("token"), message + ":" + token.Text("signature"));
            using var key = context.PrivateKey("k3");
            if (!Schnorr.Verify(key.PublicKey, AuthTokens.Hash(message), Convert.FromHexString(token.Text("signature"))))
            {
                problems.Add("web-wasm auth token signature does not verify");
            }
        });
    }

    /// <summary>
    /// Rebuilds the case from the web-wasm's own tx_info (header, body, attributes; the type is the one whose
    /// rendering reproduces the text), then compares the hash and verifies the signature under a known key.
    /// </summary>
    private static void CheckCase(JsonElement item, ConformanceContext context, List<string> problems)
    {
        var text = item.Text("webwasm_txInfo");
        using var txInfo = JsonDocument.Parse(text);
        var json = txInfo.RootElement;
        var header = new TxHeader(
            json.TryGetProperty("AccountIndex", out var account) ? account.GetInt64() : json.I64("FromAccountIndex"),
            json.U8("ApiKeyIndex"), json.I64("Nonce"), json.I64("ExpiredAt"));
        var signature = json.Field("Sig").GetBytesFromBase64();
        var attributes = TransactionJsonReader.ReadAttributes(json.Field("L2TxAttributes"));
        var tx = Enum.GetValues<TxType>().Select(type => TryRead(type, json, attributes))
            .FirstOrDefault(candidate => candidate is not null && candidate.ToTxInfo(header, signature) == text);
        if (tx is null)
        {
            problems.Add("tx_info does not render back from any transaction type");
            return;
        }

        var hash = tx.Hash(LighterChainId.Mainnet, header);
        Expect(problems, "tx hash", item.Text("webwasm_txHash"), ConformanceTransactions.Hex(hash));
        Expect(problems, "native tx hash", item.Text("native_tx_hash_hex"), ConformanceTransactions.Hex(hash));
        var verified = context.KeyIds.Any(id =>
        {
            using var key = context.PrivateKey(id);
            return Schnorr.Verify(key.PublicKey, hash, signature);
        });
        if (!verified)
        {
            problems.Add("web-wasm signature does not verify under any known key");
        }
    }

    private static LighterTransaction? TryRead(TxType type, JsonElement json, TxAttributes? attributes)
    {
        try
        {
            return TransactionJsonReader.Read(type, json, attributes);
        }
        catch (LighterSigningException)
        {
            return null;
        }
    }
}
