using System.Text.Json;
using System.Web;
using Lighter.Client.Tests.Support;
using Lighter.Signing;
using Lighter.Signing.Crypto;
using Lighter.Signing.Transactions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Lighter.Client.Tests.DependencyInjection;

/// <summary>A client resolved from DI with a private key signs, submits, and attaches auth tokens by itself.</summary>
public sealed class AddLighterClientSigningTests : IDisposable
{
    private readonly WireMockServer _server = LoopbackServer.Start();
    private readonly LighterPrivateKey _key = LighterPrivateKey.Generate();

    public AddLighterClientSigningTests()
    {
        _server.Given(Request.Create().WithPath("/api/v1/nextNonce")).RespondWith(Json("""{"code":200,"nonce":41}"""));
        _server.Given(Request.Create().WithPath("/api/v1/accountActiveOrders")).RespondWith(Json("""{"code":200,"orders":[]}"""));
        _server.Given(Request.Create().WithPath("/api/v1/orderBooks")).RespondWith(Json("""{"code":200,"order_books":[]}"""));
        _server.Given(Request.Create().WithPath("/api/v1/sendTx").UsingPost())
            .RespondWith(Json("""{"code":200,"tx_hash":"h","predicted_execution_time_ms":1,"volume_quota_remaining":1}"""));
    }

    public void Dispose()
    {
        _key.Dispose();
        _server.Stop();
        _server.Dispose();
    }

    private static IResponseBuilder Json(string body) => Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body);

    private ServiceProvider Provider()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Lighter:Environment"] = "custom",
            ["Lighter:BaseUrl"] = _server.BaseUri().ToString(),
            ["Lighter:WebSocketUrl"] = "ws://127.0.0.1:1/stream",
            ["Lighter:ChainId"] = "300",
            ["Lighter:AccountIndex"] = "7",
            ["Lighter:ApiKeyIndex"] = "3",
            ["Lighter:RateLimitTier"] = "Unlimited",
            ["Lighter:PrivateKey"] = _key.ExportHex(),
        }).Build();
        var services = new ServiceCollection();
        services.AddLighterClient(configuration);
        return services.BuildServiceProvider();
    }

    private string? Authorization(string path) => _server.LogEntries.Select(e => e.RequestMessage!).Single(m => m.Path == path)
        .Headers!.FirstOrDefault(h => h.Key.Equals("authorization", StringComparison.OrdinalIgnoreCase)).Value?.Single();

    [Fact]
    public async Task A_resolved_client_with_a_key_sends_an_auth_token_only_to_operations_that_take_one()
    {
        await using var provider = Provider();
        var client = provider.GetRequiredService<LighterClient>();

        (await client.Http.GetAsync(new Uri("api/v1/accountActiveOrders?account_index=7&market_id=0", UriKind.Relative))).Dispose();
        (await client.Http.GetAsync(new Uri("api/v1/orderBooks", UriKind.Relative))).Dispose();

        var token = Authorization("/api/v1/accountActiveOrders");
        Assert.NotNull(token);
        Assert.Matches("^[0-9]+:7:3:", token);
        Assert.Null(Authorization("/api/v1/orderBooks"));
    }

    [Fact]
    public async Task A_resolved_client_with_a_key_submits_a_signed_CreateOrder()
    {
        await using var provider = Provider();
        var client = provider.GetRequiredService<LighterClient>();
        var order = new CreateOrder { MarketIndex = 0, ClientOrderIndex = 1, BaseAmount = 10, Price = 300_000, Side = OrderSide.Buy, Type = OrderType.Limit, TimeInForce = OrderTimeInForce.GoodTillTime, OrderExpiry = 1_767_254_400_000 + 86_400_000 };

        var submission = await client.SubmitAsync(order, expiredAt: 1_767_254_999_000);

        Assert.Equal(41, submission.Nonce);
        var form = HttpUtility.ParseQueryString(_server.LogEntries.Single(e => e.RequestMessage!.Path == "/api/v1/sendTx").RequestMessage!.Body!);
        using var info = JsonDocument.Parse(form["tx_info"]!);
        var signature = Convert.FromBase64String(info.RootElement.GetProperty("Sig").GetString()!);
        var hash = order.Hash(new LighterChainId(300), new TxHeader(7, 3, 41, 1_767_254_999_000));
        Assert.True(Schnorr.Verify(_key.PublicKey, hash, signature));
    }

    [Fact]
    public async Task The_signer_built_from_options_is_disposed_with_the_container()
    {
        var provider = Provider();
        var signer = provider.GetRequiredService<LighterClient>().Signer!;
        await provider.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => signer.CreateAuthToken(DateTimeOffset.UtcNow.AddMinutes(5)));
    }
}
