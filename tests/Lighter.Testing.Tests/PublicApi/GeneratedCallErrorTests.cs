using System.Net;
using Lighter.Client;
using Lighter.Client.Models;

namespace Lighter.Testing.Tests.PublicApi;

/// <summary>
/// A failing generated REST call is caught by <c>catch (LighterApiException)</c> as the README shows: the pipeline's
/// exception itself, not a Refit wrapper around it, for refusals, exhausted retries and transport faults.
/// </summary>
public sealed class GeneratedCallErrorTests : IAsyncLifetime
{
    private LighterSandbox _sandbox = null!;
    private LighterClient _client = null!;

    public static TheoryData<string> RefusedCalls => ["account", "tx", "nextNonce", "accountActiveOrders", "orderBookDetails"];

    public async Task InitializeAsync()
    {
        _sandbox = await LighterSandbox.StartAsync();
        _client = NewClient(_sandbox.BaseUri);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(RefusedCalls))]
    public async Task A_refused_call_is_caught_as_LighterApiException(string operation)
    {
        var error = await CatchAsync(operation switch
        {
            "account" => () => _client.Account.AccountAsync(AccountBy.Index, "987654321"),
            "tx" => () => _client.Transaction.TxAsync(TxBy.Hash, "00"),
            "nextNonce" => () => _client.Transaction.NextNonceAsync(987_654_321, 3),
            "accountActiveOrders" => () => _client.Order.AccountActiveOrdersAsync(987_654_321, marketId: 0),
            _ => () => _client.Order.OrderBookDetailsAsync(marketId: 999),
        });

        Assert.NotNull(error.StatusCode);
        Assert.True((int)error.StatusCode!.Value is >= 400 and < 500, $"{operation}: HTTP {(int)error.StatusCode.Value}");
        Assert.NotNull(error.Code);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task Exhausted_retries_on_503_are_caught_as_a_transient_LighterApiException()
    {
        _sandbox.Faults.FailNext(times: 50, statusCode: 503, pathPrefix: "/api/v1/orderBookDetails");

        var error = await CatchAsync(() => _client.Order.OrderBookDetailsAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task A_transport_fault_is_caught_as_a_transient_LighterApiException_without_a_status()
    {
        using var closed = NewClient(new Uri("http://127.0.0.1:1/"));

        var error = await CatchAsync(() => closed.Order.OrderBookDetailsAsync());

        Assert.Null(error.StatusCode);
        Assert.True(error.IsTransient);
    }

    private static LighterClient NewClient(Uri baseUri) => LighterClient.Create(new LighterClientOptions
    {
        Environment = "custom", BaseUrl = baseUri, WebSocketUrl = new Uri("ws://127.0.0.1:1/stream"), ChainId = 300,
        RateLimitTier = RateLimitTier.Unlimited, MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(1),
    });

    /// <summary>Runs the call the way the README says to handle errors, and returns what the catch saw.</summary>
    private static async Task<LighterApiException> CatchAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (LighterApiException e)
        {
            return e;
        }

        throw new Xunit.Sdk.XunitException("the call succeeded");
    }
}
