using System.Text.Json.Nodes;
using Lighter.Client.Submission;
using Lighter.Client.Tests.Contract;
using Lighter.Client.Tests.Support;
using Lighter.Client.Tracking;
using Lighter.Signing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Lighter.Client.Tests.Tracking;

/// <summary>
/// <c>WaitForExecutionAsync</c> without a tracker reads <c>GET tx</c>: a pending transaction is asked again, a failed
/// one is rejected, an executed one is executed; for an order, its final status decides.
/// </summary>
public sealed class ExecutionWaiterTests : IDisposable
{
    private const string Hash = "0xfeed";
    private readonly WireMockServer _server = LoopbackServer.Start();
    private readonly LighterPrivateKey _key = LighterPrivateKey.Generate();
    private readonly OpenApiDocument _spec = OpenApiDocument.Load(SpecFiles.OpenApi);
    private readonly LighterClient _client;

    public ExecutionWaiterTests()
    {
        _client = LighterClient.Create(new LighterClientOptions
        {
            Environment = "custom", BaseUrl = _server.BaseUri(), WebSocketUrl = new Uri("ws://127.0.0.1:1/stream"), ChainId = 300,
            AccountIndex = 7, ApiKeyIndex = 3, RateLimitTier = RateLimitTier.Unlimited, PrivateKey = _key.ExportHex(),
            MaxRetries = 0, // a fault reaches the waiter instead of being absorbed by the pipeline
        });
    }

    public void Dispose()
    {
        _client.Dispose();
        _server.Stop();
        _server.Dispose();
        _key.Dispose();
    }

    [Fact]
    public async Task A_pending_transaction_is_asked_again_until_it_executes()
    {
        ServeTx(status: 1, eventInfo: "{}", then: 2);

        var result = await _client.WaitForExecutionAsync(Submission(), Bounded());

        Assert.Equal(ExecutionStatus.Executed, result.Status);
        Assert.Null(result.OrderIndex);
        Assert.True(Requests("/api/v1/tx") >= 2, "the pending answer was taken as final");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task An_executed_or_later_status_is_executed(long status)
    {
        ServeTx(status, eventInfo: "{}");

        var result = await _client.WaitForExecutionAsync(Submission(), Bounded());

        Assert.Equal(ExecutionStatus.Executed, result.Status);
        Assert.Equal(1, Requests("/api/v1/tx"));
    }

    [Fact]
    public async Task A_failed_transaction_is_rejected_with_its_status()
    {
        ServeTx(status: 0, eventInfo: "{}");

        var result = await _client.WaitForExecutionAsync(Submission(), Bounded());

        Assert.Equal(ExecutionStatus.Rejected, result.Status);
        Assert.Equal("transaction failed (status 0)", result.Reason);
        Assert.Equal(Hash, result.TxHash);
    }

    [Fact]
    public async Task An_executed_order_that_ended_at_once_with_a_placement_cancel_is_rejected()
    {
        ServeTx(status: 2, eventInfo: """{"i":55}""");
        ServeOrders("/api/v1/accountActiveOrders", []);
        ServeOrders("/api/v1/accountInactiveOrders", [(54, "canceled"), (55, "canceled-post-only")]);

        var result = await _client.WaitForExecutionAsync(Submission(), Bounded());

        Assert.Equal((ExecutionStatus.Rejected, 55L, "canceled-post-only"), (result.Status, result.OrderIndex, result.Reason));
    }

    [Fact]
    public async Task An_executed_order_still_active_is_executed_without_reading_inactive_orders()
    {
        ServeTx(status: 2, eventInfo: """{"i":55}""");
        ServeOrders("/api/v1/accountActiveOrders", [(55, "open")]);

        var result = await _client.WaitForExecutionAsync(Submission(), Bounded());

        Assert.Equal((ExecutionStatus.Executed, 55L), (result.Status, result.OrderIndex));
        Assert.Equal(0, Requests("/api/v1/accountInactiveOrders"));
    }

    [Fact]
    public async Task A_passing_fault_in_the_order_look_up_is_asked_again_not_thrown()
    {
        ServeTx(status: 2, eventInfo: """{"i":55}""");
        var active = Request.Create().WithPath("/api/v1/accountActiveOrders").UsingGet();
        _server.Given(active).InScenario("orders").WillSetStateTo("recovered")
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("busy"));
        _server.Given(active).InScenario("orders").WhenStateIs("recovered")
            .RespondWith(Json(OrdersBody([(55, "open")])));

        var result = await _client.WaitForExecutionAsync(Submission(), Bounded());

        Assert.Equal((ExecutionStatus.Executed, 55L), (result.Status, result.OrderIndex));
    }

    private static TxSubmission Submission() => new(Hash, 1, null, null, TxVerdict.Answered, 1);

    private static CancellationToken Bounded() => new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token;

    private int Requests(string path) => _server.LogEntries.Count(e => e.RequestMessage!.Path == path);

    /// <summary>Serves <c>GET tx</c> with <paramref name="status"/>, then (when given) <paramref name="then"/> from the second call on.</summary>
    private void ServeTx(long status, string eventInfo, long? then = null)
    {
        var request = Request.Create().WithPath("/api/v1/tx").UsingGet();
        if (then is null)
        {
            _server.Given(request).RespondWith(Json(Tx(status, eventInfo)));
            return;
        }

        _server.Given(request).InScenario("tx").WillSetStateTo("executed").RespondWith(Json(Tx(status, eventInfo)));
        _server.Given(request).InScenario("tx").WhenStateIs("executed").RespondWith(Json(Tx(then.Value, eventInfo)));
    }

    private void ServeOrders(string path, (long Index, string Status)[] orders) =>
        _server.Given(Request.Create().WithPath(path).UsingGet()).RespondWith(Json(OrdersBody(orders)));

    private JsonObject OrdersBody((long Index, string Status)[] orders)
    {
        var body = Sample("Orders");
        var order = body["orders"]!.AsArray()[0]!;
        body["orders"] = new JsonArray([.. orders.Select(o =>
        {
            var copy = order.DeepClone();
            copy["order_index"] = o.Index;
            copy["status"] = o.Status;
            copy["filled_base_amount"] = "0";
            return copy;
        })]);
        body["next_cursor"] = string.Empty;
        return body;
    }

    private JsonObject Tx(long status, string eventInfo)
    {
        var tx = Sample("EnrichedTx");
        tx["hash"] = Hash;
        tx["status"] = status;
        tx["event_info"] = eventInfo;
        return tx;
    }

    private JsonObject Sample(string schema) =>
        new SchemaSampler(_spec.Resolve).Sample(new JsonObject { ["$ref"] = "#/components/schemas/" + schema })!.AsObject();

    private static IResponseBuilder Json(JsonObject body) =>
        Response.Create().WithHeader("Content-Type", "application/json").WithBody(body.ToJsonString());
}
