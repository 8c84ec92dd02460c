using System.Reflection;
using Lighter.Client.Api;
using Lighter.Client.Tests.Support;
using Lighter.Signing;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Lighter.Client.Tests.Api;

/// <summary>Every generated REST interface is reachable as a <see cref="LighterClient"/> property and from DI.</summary>
public sealed class ApiGroupTests : IDisposable
{
    private readonly WireMockServer _server = LoopbackServer.Start();
    private readonly LighterPrivateKey _key = LighterPrivateKey.Generate();

    public ApiGroupTests()
    {
        _server.Given(Request.Create().WithPath("/api/v1/accountActiveOrders").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"code":200,"orders":[]}"""));
    }

    public void Dispose()
    {
        _key.Dispose();
        _server.Stop();
        _server.Dispose();
    }

    /// <summary>Found by reflection over the client assembly, so a new tag is covered without editing this test.</summary>
    public static IReadOnlyList<Type> GeneratedInterfaces { get; } = typeof(LighterClient).Assembly.GetExportedTypes()
        .Where(t => t.IsInterface && t.Namespace == "Lighter.Client.Api"
                    && t.GetMethods().Any(m => m.GetCustomAttributes().OfType<Refit.HttpMethodAttribute>().Any()))
        .ToList();

    private void Configure(LighterClientOptions o)
    {
        o.Environment = "custom";
        o.BaseUrl = _server.BaseUri();
        o.WebSocketUrl = new Uri("ws://127.0.0.1:1/stream");
        o.ChainId = 300;
        o.AccountIndex = 7;
        o.ApiKeyIndex = 3;
        o.RateLimitTier = RateLimitTier.Unlimited;
        o.PrivateKey = _key.ExportHex();
    }

    private LighterClientOptions Options()
    {
        var options = new LighterClientOptions();
        Configure(options);
        return options;
    }

    [Fact]
    public void Every_generated_interface_is_a_client_property()
    {
        Assert.True(GeneratedInterfaces.Count > 1, "the reflection found the generated interfaces");
        using var client = LighterClient.Create(Options());
        var properties = typeof(LighterClient).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        foreach (var api in GeneratedInterfaces)
        {
            var property = Assert.Single(properties, p => p.PropertyType == api);
            var group = property.GetValue(client);
            Assert.True(api.IsInstanceOfType(group), api.Name);
            Assert.Same(group, property.GetValue(client));
        }
    }

    [Fact]
    public async Task Every_generated_interface_resolves_from_DI()
    {
        var services = new ServiceCollection();
        services.AddLighterClient(Configure);
        await using var provider = services.BuildServiceProvider();

        foreach (var api in GeneratedInterfaces)
        {
            Assert.True(api.IsInstanceOfType(provider.GetService(api)), api.Name);
        }
    }

    [Fact]
    public async Task A_call_through_a_group_property_takes_the_spec_route_with_its_auth_token()
    {
        using var client = LighterClient.Create(Options());

        var orders = await client.Order.AccountActiveOrdersAsync(7, marketId: 0);

        Assert.NotNull(orders);
        var request = Assert.Single(_server.LogEntries).RequestMessage!;
        Assert.Equal(("GET", "/api/v1/accountActiveOrders"), (request.Method, request.Path));
        Assert.Equal(["7"], request.Query!["account_index"]);
        Assert.Matches("^[0-9]+:7:3:", request.Headers!.Single(h => h.Key.Equals("authorization", StringComparison.OrdinalIgnoreCase)).Value.Single());
    }

    [Fact]
    public async Task A_DI_resolved_interface_runs_the_Lighter_pipeline()
    {
        var services = new ServiceCollection();
        services.AddLighterClient(Configure);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IOrderApi>().AccountActiveOrdersAsync(7);

        var request = Assert.Single(_server.LogEntries).RequestMessage!;
        Assert.Equal("/api/v1/accountActiveOrders", request.Path);
        Assert.Contains(request.Headers!, h => h.Key.Equals("authorization", StringComparison.OrdinalIgnoreCase));
    }
}
