using Lighter.Client.Api;

namespace Lighter.Generator.Tests;

/// <summary>
/// The operation catalog tells an auth handler, from an outgoing request, whether a token is needed and where.
/// Expectations come from the spec's own parameters and the overlay, read independently here.
/// </summary>
public class AuthCatalogTests
{
    [Fact]
    public void Catalog_matches_the_spec_auth_parameters()
    {
        var spec = SpecFacts.Load(TestPaths.OpenApi);
        foreach (var (id, _, _, op) in spec.Operations())
        {
            var parameters = op.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray().ToList() : [];
            var auth = parameters.Where(p => p.GetProperty("name").GetString() is "authorization" or "auth").ToList();
            var expected = auth.Count == 0 ? LighterAuthRequirement.None
                : auth.Any(p => p.TryGetProperty("required", out var r) && r.GetBoolean()) ? LighterAuthRequirement.Required
                : LighterAuthRequirement.Optional;
            foreach (var entry in LighterOperations.All.Where(o => o.OperationId == id))
            {
                Assert.True(expected == entry.Auth, $"{id}: expected {expected}, catalog says {entry.Auth}");
                var location = auth.Any(p => p.GetProperty("name").GetString() == "authorization") ? LighterAuthLocation.Header
                    : auth.Count > 0 ? LighterAuthLocation.Query : LighterAuthLocation.None;
                Assert.Equal(location, entry.AuthLocation);
                Assert.Equal(location switch { LighterAuthLocation.Header => "authorization", LighterAuthLocation.Query => "auth", _ => null },
                    entry.AuthParameterName);
            }
        }
    }

    [Fact]
    public void Overlay_moves_the_authorization_query_parameter_of_export_historical_trades_to_the_header()
    {
        var op = LighterOperations.All.Single(o => o.OperationId == "export_historicalTrades");
        Assert.Equal((LighterAuthRequirement.Optional, LighterAuthLocation.Header), (op.Auth, op.AuthLocation));
        var parameter = typeof(IOrderApi).GetMethod(op.MethodName)!.GetParameters().Single(p => p.Name == "authorization");
        Assert.NotNull(parameter.GetCustomAttributes(typeof(Refit.HeaderAttribute), false).SingleOrDefault());
    }

    [Fact]
    public async Task A_request_built_by_a_generated_interface_is_found_from_refit_options()
    {
        var handler = new CapturingHandler();
        await CapturingHandler.Client<IOrderApi>(handler).AccountActiveOrdersAsync(1);

        Assert.True(LighterOperations.TryFind(handler.Last, out var op));
        Assert.Equal(("accountActiveOrders", LighterAuthRequirement.Required, LighterAuthLocation.Header, "authorization"),
            (op.OperationId, op.Auth, op.AuthLocation, op.AuthParameterName));
    }

    [Fact]
    public void A_hand_built_request_is_found_by_verb_and_path_even_under_a_base_path()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://proxy.test/lighter/api/v1/leaderboard?type=all");
        Assert.True(LighterOperations.TryFind(request, out var op));
        Assert.Equal(("leaderboard", LighterAuthRequirement.Optional), (op.OperationId, op.Auth));

        using var post = new HttpRequestMessage(HttpMethod.Post, "https://x.test/api/v1/sendTx");
        Assert.True(LighterOperations.TryFind(post, out var sendTx));
        Assert.Equal(LighterAuthRequirement.None, sendTx.Auth);

        using var unknown = new HttpRequestMessage(HttpMethod.Get, "https://x.test/api/v1/sendTx");
        Assert.False(LighterOperations.TryFind(unknown, out _));
    }

    [Fact]
    public void Every_generated_method_is_in_the_catalog_once()
    {
        var methods = SurfaceDescriber.ApiInterfaces().SelectMany(i => i.GetMethods().Select(m => (i, m.Name))).ToList();
        Assert.Equal(methods.Count, LighterOperations.All.Count);
        Assert.All(methods, m => Assert.NotNull(LighterOperations.Find(m.i, m.Name)));
    }
}
