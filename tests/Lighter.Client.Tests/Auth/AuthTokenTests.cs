using Lighter.Client.Api;
using Lighter.Client.Auth;
using Lighter.Client.Http;
using Lighter.Client.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Lighter.Client.Tests.Auth;

public class AuthTokenTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_767_254_400));
    private readonly List<DateTimeOffset> _deadlines = [];

    private AuthTokenCache Cache() => new(12345, 3, deadline =>
    {
        _deadlines.Add(deadline);
        return $"{deadline.ToUnixTimeSeconds()}:12345:3:sig{_deadlines.Count}";
    }, _time, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1));

    [Fact]
    public void A_token_is_reused_until_the_renewal_margin_and_then_replaced()
    {
        var cache = Cache();
        Assert.Equal("1767255000:12345:3:sig1", cache.GetToken());
        _time.Advance(TimeSpan.FromMinutes(8) + TimeSpan.FromSeconds(59));
        Assert.Equal("1767255000:12345:3:sig1", cache.GetToken());
        _time.Advance(TimeSpan.FromSeconds(1)); // 9 minutes: one minute before the deadline
        Assert.Equal("1767255540:12345:3:sig2", cache.GetToken());
        Assert.Equal(2, _deadlines.Count);
    }

    [Fact]
    public void The_cache_never_prints_its_token()
    {
        var cache = Cache();
        _ = cache.GetToken();
        Assert.DoesNotContain("sig1", cache.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_handler_attaches_the_header_or_query_token_only_where_the_operation_needs_it()
    {
        using var server = LoopbackServer.Start();
        server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithBody("{}"));
        var handler = new AuthTokenHandler(Cache(), request => request.RequestUri!.AbsolutePath switch
        {
            "/api/v1/accountActiveOrders" => AuthPlacement.Header,
            "/api/v1/export/historicalTrades" => AuthPlacement.Query,
            _ => AuthPlacement.None,
        })
        { InnerHandler = new SocketsHttpHandler() };
        using var http = new HttpClient(handler) { BaseAddress = server.BaseUri() };

        (await http.GetAsync("api/v1/accountActiveOrders?account_index=1")).Dispose();
        (await http.GetAsync("api/v1/export/historicalTrades?market_id=0")).Dispose();
        (await http.GetAsync("api/v1/orderBooks")).Dispose();
        using var explicitRequest = new HttpRequestMessage(HttpMethod.Get, "api/v1/accountActiveOrders");
        explicitRequest.Headers.TryAddWithoutValidation("authorization", "caller-token");
        (await http.SendAsync(explicitRequest)).Dispose();

        var log = server.LogEntries.Select(e => e.RequestMessage!).ToList();
        static string? Header(WireMock.IRequestMessage m) =>
            m.Headers!.FirstOrDefault(h => h.Key.Equals("authorization", StringComparison.OrdinalIgnoreCase)).Value?.Single();
        Assert.Equal("1767255000:12345:3:sig1", Header(log[0]));
        Assert.Equal("1767255000:12345:3:sig1", log[1].Query!["auth"].Single());
        Assert.Null(Header(log[2]));
        Assert.Equal("caller-token", Header(log[3]));
    }

    [Fact]
    public void The_placement_of_every_operation_comes_from_the_generated_catalog()
    {
        Assert.Contains(LighterOperations.All, o => o.Auth != LighterAuthRequirement.None);
        foreach (var operation in LighterOperations.All.Where(o => !o.Route.Contains('{', StringComparison.Ordinal)))
        {
            using var request = new HttpRequestMessage(new HttpMethod(operation.HttpMethod), "https://api.test" + operation.Route);
            var expected = operation.Auth == LighterAuthRequirement.None ? AuthPlacement.None
                : operation.AuthLocation == LighterAuthLocation.Query ? AuthPlacement.Query : AuthPlacement.Header;
            Assert.True(expected == AuthOperations.Of(request), operation.OperationId);
        }
    }

    [Theory]
    [InlineData("GET", "/api/v1/accountActiveOrders", "Header")]   // required in the overlay
    [InlineData("GET", "/api/v1/trades", "Header")]                // optional: attached when available
    [InlineData("GET", "/api/v1/export/historicalTrades", "Header")] // the overlay moves it to the header
    [InlineData("GET", "/api/v1/orderBooks", "None")]
    [InlineData("POST", "/api/v1/sendTx", "None")]
    [InlineData("GET", "/api/v1/notARoute", "None")]
    public void Known_operations_get_the_overlay_placement(string verb, string path, string expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(verb), "https://proxy.test/lighter" + path + "?x=1");
        Assert.Equal(expected, AuthOperations.Of(request).ToString());
    }
}
