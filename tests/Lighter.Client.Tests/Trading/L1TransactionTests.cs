using System.Globalization;
using System.Text.Json;
using System.Web;
using Lighter.Client.Tests.Support;
using Lighter.Signing;
using Lighter.Signing.Crypto;
using Lighter.Signing.L1;
using Lighter.Signing.Transactions;
using Nethereum.Signer;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Lighter.Client.Tests.Trading;

/// <summary>ChangePubKey, Transfer and ApproveIntegrator carry an L1 signature from an Ethereum key given per call.</summary>
public sealed class L1TransactionTests : IDisposable
{
    private const long ExpiredAt = 1_767_254_999_000;
    private readonly WireMockServer _server = LoopbackServer.Start();
    private readonly LighterPrivateKey _key = LighterPrivateKey.Generate();
    private readonly L1Signer _eth = new("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
    private readonly LighterClient _client;

    public L1TransactionTests()
    {
        // Each slot has its own nonce sequence: 100 + the slot.
        _server.Given(Request.Create().WithPath("/api/v1/nextNonce")).RespondWith(Response.Create().WithCallback(request =>
        {
            var slot = long.Parse(request.Query!["api_key_index"].Single(), CultureInfo.InvariantCulture);
            return ((Response)Json($$"""{"code":200,"nonce":{{100 + slot}}}""")).ResponseMessage;
        }));
        _server.Given(Request.Create().WithPath("/api/v1/sendTx").UsingPost())
            .RespondWith(Json("""{"code":200,"tx_hash":"h","predicted_execution_time_ms":1,"volume_quota_remaining":1}"""));
        _client = LighterClient.Create(new LighterClientOptions
        {
            Environment = "custom",
            BaseUrl = _server.BaseUri(),
            WebSocketUrl = new Uri("ws://127.0.0.1:1/stream"),
            ChainId = 300,
            AccountIndex = 7,
            ApiKeyIndex = 3,
            RateLimitTier = RateLimitTier.Unlimited,
            PrivateKey = _key.ExportHex(),
        });
    }

    public void Dispose()
    {
        _client.Dispose();
        _eth.Dispose();
        _key.Dispose();
        _server.Stop();
        _server.Dispose();
    }

    private static IResponseBuilder Json(string body) => Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body);

    private (int TxType, JsonElement Info) SentTx()
    {
        var form = HttpUtility.ParseQueryString(_server.LogEntries.Single(e => e.RequestMessage!.Path == "/api/v1/sendTx").RequestMessage!.Body!);
        return (int.Parse(form["tx_type"]!, CultureInfo.InvariantCulture), JsonDocument.Parse(form["tx_info"]!).RootElement.Clone());
    }

    private void AssertL1SignedByTheEthereumKey(IL1SignedTransaction tx, JsonElement info, byte apiKey, long nonce)
    {
        var message = tx.GetL1Message(new LighterChainId(300), new TxHeader(7, apiKey, nonce, ExpiredAt));
        var signature = info.GetProperty("L1Sig").GetString()!;
        Assert.Equal(_eth.Address, new EthereumMessageSigner().EncodeUTF8AndEcRecover(message, signature), ignoreCase: true);
    }

    [Fact]
    public async Task ChangeApiKey_for_another_slot_is_signed_by_the_new_key_with_that_slots_nonce_and_an_L1_signature()
    {
        using var newKey = LighterPrivateKey.Generate();

        var submission = await _client.ChangeApiKeyAsync(newKey, apiKeyIndex: 5, _eth, ExpiredAt);

        Assert.Equal(105, submission.Nonce);
        var (type, info) = SentTx();
        Assert.Equal((int)TxType.ChangePubKey, type);
        Assert.Equal((5, 105), (info.GetProperty("ApiKeyIndex").GetInt32(), info.GetProperty("Nonce").GetInt64()));
        var change = new ChangePubKey { PubKey = newKey.PublicKey.ToArray() };
        Assert.Equal(Convert.ToBase64String(newKey.PublicKey.ToArray()), info.GetProperty("PubKey").GetString());
        var hash = change.Hash(new LighterChainId(300), new TxHeader(7, 5, 105, ExpiredAt));
        Assert.True(Schnorr.Verify(newKey.PublicKey, hash, Convert.FromBase64String(info.GetProperty("Sig").GetString()!)));
        Assert.False(Schnorr.Verify(_key.PublicKey, hash, Convert.FromBase64String(info.GetProperty("Sig").GetString()!)));
        AssertL1SignedByTheEthereumKey(change, info, 5, 105);
    }

    [Fact]
    public async Task ChangeApiKey_without_a_slot_changes_the_clients_own_slot_on_its_nonce_sequence()
    {
        using var newKey = LighterPrivateKey.Generate();

        var submission = await _client.ChangeApiKeyAsync(newKey, apiKeyIndex: null, _eth, ExpiredAt);

        Assert.Equal(103, submission.Nonce);
        Assert.Equal(3, SentTx().Info.GetProperty("ApiKeyIndex").GetInt32());
    }

    [Fact]
    public async Task Transfer_carries_the_L1_signature_of_the_key_given_for_the_call()
    {
        var transfer = new Transfer { ToAccountIndex = 8, AssetIndex = 3, FromRouteType = RouteType.Perps, ToRouteType = RouteType.Perps, Amount = 1_000_000, Memo = new byte[32] };

        await _client.SubmitAsync(transfer, _eth, ExpiredAt);

        var (type, info) = SentTx();
        Assert.Equal((int)TxType.Transfer, type);
        AssertL1SignedByTheEthereumKey(transfer, info, 3, 103);
    }

    [Fact]
    public async Task ApproveIntegrator_carries_the_L1_signature_of_the_key_given_for_the_call()
    {
        var approval = new ApproveIntegrator { IntegratorAccountIndex = 9, MaxPerpsTakerFee = 100, ApprovalExpiry = 1_767_340_800_000 };

        await _client.ApproveIntegratorAsync(approval, _eth);

        var (type, info) = SentTx();
        Assert.Equal((int)TxType.ApproveIntegrator, type);
        var expiredAt = info.GetProperty("ExpiredAt").GetInt64();
        var message = approval.GetL1Message(new LighterChainId(300), new TxHeader(7, 3, 103, expiredAt));
        Assert.Equal(_eth.Address, new EthereumMessageSigner().EncodeUTF8AndEcRecover(message, info.GetProperty("L1Sig").GetString()!), ignoreCase: true);
    }

    [Fact]
    public async Task A_signer_without_L1_support_refuses_before_anything_is_sent()
    {
        using var client = LighterClient.Create(new LighterClientOptions
        {
            Environment = "custom", BaseUrl = _server.BaseUri(), WebSocketUrl = new Uri("ws://127.0.0.1:1/stream"), ChainId = 300,
            AccountIndex = 7, ApiKeyIndex = 3, RateLimitTier = RateLimitTier.Unlimited,
        }, signer: new UnsignedTestSigner(300, 7, 3));
        var transfer = new Transfer { ToAccountIndex = 8, AssetIndex = 3, Amount = 1, Memo = new byte[32] };

        await Assert.ThrowsAsync<LighterConfigurationException>(() => client.TransferAsync(transfer, _eth));

        Assert.DoesNotContain(_server.LogEntries, e => e.RequestMessage!.Path == "/api/v1/sendTx");
    }
}
