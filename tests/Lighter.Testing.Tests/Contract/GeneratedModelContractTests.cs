using Lighter.Client.Api;
using Lighter.Client.Models;
using Lighter.Client.Serialization;
using Lighter.Testing.Tests.Wire;
using Refit;

namespace Lighter.Testing.Tests.Contract;

/// <summary>
/// The sandbox's REST answers, read through the SDK's generated Refit interfaces and models: key fields carry
/// the values the sandbox holds (not silent defaults) and no field lands in a <c>[JsonExtensionData]</c> bag.
/// The operations come from the sandbox's own route table, so a new route without a check fails here.
/// </summary>
public sealed class GeneratedModelContractTests
{
    [Fact]
    public async Task Every_served_route_has_a_contract_check()
    {
        await using var sandbox = await LighterSandbox.StartAsync();
        var served = sandbox.RestRoutes.Select(r => r.ToString()).ToHashSet();
        var checkedRoutes = ContractChecks.Routes.ToHashSet();

        Assert.NotEmpty(served);
        Assert.Empty(served.Except(checkedRoutes));
        Assert.Empty(checkedRoutes.Except(served));
    }

    [Fact]
    public async Task Every_served_route_is_also_a_generated_operation()
    {
        await using var sandbox = await LighterSandbox.StartAsync();
        var generated = LighterOperations.All.Select(o => $"{o.HttpMethod} {o.Route}").ToHashSet();

        Assert.All(sandbox.RestRoutes, r => Assert.Contains(r.ToString(), generated));
    }

    [Fact]
    public async Task Every_served_route_deserializes_into_the_generated_models_without_unknown_fields()
    {
        await using var f = await SandboxFixture.StartAsync();
        var checks = new ContractChecks(f, Api<IRootApi>(f), Api<IBlockApi>(f), Api<IAccountApi>(f),
            Api<ITransactionApi>(f), Api<IOrderApi>(f));
        var problems = new List<string>();

        foreach (var route in f.Sandbox.RestRoutes)
        {
            var model = await checks.RunAsync(route.ToString());
            problems.AddRange(ExtensionDataScan.UnknownFields(model, route.ToString()));
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void The_scan_reports_a_field_the_model_does_not_know()
    {
        var height = System.Text.Json.JsonSerializer.Deserialize("""{"code":200,"height":3,"heigth":4}""",
            LighterJsonContext.Default.CurrentHeight);

        Assert.Equal(["h: unknown heigth"], ExtensionDataScan.UnknownFields(height, "h"));
    }

    private static T Api<T>(SandboxFixture f) => RestService.For<T>(f.Http, LighterRefitSettings.Create());
}
