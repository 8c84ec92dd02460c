using System.Reflection;
using Lighter.Client.Api;
using Lighter.Client.Models;
using Refit;

namespace Lighter.Generator.Tests;

/// <summary>
/// The spec gives 26 defaults as strings on integer/boolean schemas ("255", "-1", "false"). Generated parameters
/// stay strongly typed and optional (null = omitted, so the server applies its own default).
/// </summary>
public class DefaultsHazardTests
{
    [Fact]
    public void Every_optional_parameter_with_a_default_is_typed_and_defaults_to_null()
    {
        var spec = SpecFacts.Load(TestPaths.OpenApi);
        var count = 0;
        foreach (var (id, _, _, op) in spec.Operations())
        {
            if (!op.TryGetProperty("parameters", out var parameters))
            {
                continue;
            }

            var entry = LighterOperations.All.First(o => o.OperationId == id);
            var method = entry.Api.GetMethod(entry.MethodName)!;
            foreach (var p in parameters.EnumerateArray().Where(p => p.GetProperty("schema").TryGetProperty("default", out _)))
            {
                var name = p.GetProperty("name").GetString();
                var parameter = method.GetParameters().Single(x => x.GetCustomAttribute<AliasAsAttribute>()?.Name == name);
                var isEnum = (Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType).IsEnum;
                Assert.True(isEnum || p.GetProperty("schema").GetProperty("type").GetString() != "string");
                Assert.NotEqual(typeof(string), parameter.ParameterType);
                if (p.TryGetProperty("required", out var required) && required.GetBoolean())
                {
                    // pnlLeaderboard declares required parameters with defaults: required wins, as in OpenAPI.
                    Assert.False(parameter.HasDefaultValue, $"{id}.{name} is required");
                    continue;
                }

                Assert.True(parameter.HasDefaultValue, $"{id}.{name} should be optional");
                Assert.Null(parameter.DefaultValue);
                count++;
            }
        }

        Assert.True(count >= 25, $"only {count} defaults found");
    }

    [Fact]
    public async Task Omitted_optional_parameters_are_not_sent()
    {
        var handler = new CapturingHandler();
        await CapturingHandler.Client<IOrderApi>(handler).TradesAsync(TradesSortBy.Timestamp, limit: 10);
        Assert.Equal("/api/v1/trades?sort_by=timestamp&limit=10", handler.Last.RequestUri!.PathAndQuery);
    }

    [Fact]
    public async Task Typed_defaults_are_sent_in_wire_form_when_given()
    {
        var handler = new CapturingHandler();
        await CapturingHandler.Client<IOrderApi>(handler).TradesAsync(TradesSortBy.Timestamp, 10, marketId: 255,
            accountIndex: -1, aggregate: true);
        var query = handler.Last.RequestUri!.Query;
        Assert.Contains("market_id=255", query, StringComparison.Ordinal);
        Assert.Contains("account_index=-1", query, StringComparison.Ordinal);
        Assert.Contains("aggregate=true", query, StringComparison.Ordinal); // Refit alone would write "True"
    }

    [Fact]
    public async Task Enum_and_array_query_parameters_use_wire_strings_and_repeat_keys()
    {
        var handler = new CapturingHandler();
        await CapturingHandler.Client<ICandlestickApi>(handler).CandlesAsync(0, CandlesResolution.OneMinute, 1, 2, 3);
        Assert.Contains("resolution=1m", handler.Last.RequestUri!.Query, StringComparison.Ordinal);

        await CapturingHandler.Client<ITransactionApi>(handler).AccountTxsAsync(5, AccountTxsBy.AccountIndex, "1", types: [14, 15]);
        Assert.Contains("by=account_index", handler.Last.RequestUri!.Query, StringComparison.Ordinal);
        Assert.Contains("types=14&types=15", handler.Last.RequestUri!.Query, StringComparison.Ordinal);
    }
}
