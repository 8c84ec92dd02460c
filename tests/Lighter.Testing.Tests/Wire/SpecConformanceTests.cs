using System.Text.Json;

namespace Lighter.Testing.Tests.Wire;

/// <summary>
/// Every REST response the sandbox writes is checked against the OpenAPI document itself: each required
/// property is present, no property is unknown to the schema, and each value has the declared JSON type.
/// </summary>
public sealed class SpecConformanceTests
{
    [Fact]
    public async Task Every_response_has_the_required_properties_and_types_of_its_schema()
    {
        await using var f = await SandboxFixture.StartAsync();
        await f.SendTxAsync(14, f.Maker.CreateOrder(market: 0, clientOrderIndex: 7, baseAmount: 5_000, price: 300_000, isAsk: true));
        var tx = await f.SendTxAsync(14, f.Taker.CreateOrder(market: 0, clientOrderIndex: 8, baseAmount: 2_000, price: 301_000, isAsk: false,
            type: 1, timeInForce: 0));
        var auth = f.Maker.AuthToken(TimeSpan.FromMinutes(5));
        var l1 = Single(await f.GetAsync($"api/v1/account?by=index&value={f.Maker.AccountIndex}")).GetProperty("l1_address").GetString();
        var calls = new (string Schema, string Path, string? Auth)[]
        {
            ("Status", "", null),
            ("ZkLighterInfo", "info", null),
            ("CurrentHeight", "api/v1/currentHeight", null),
            ("DetailedAccounts", $"api/v1/account?by=index&value={f.Taker.AccountIndex}", null),
            ("SubAccounts", $"api/v1/accountsByL1Address?l1_address={l1}", null),
            ("AccountApiKeys", $"api/v1/apikeys?account_index={f.Maker.AccountIndex}", null),
            ("NextNonce", $"api/v1/nextNonce?account_index={f.Maker.AccountIndex}&api_key_index=2", null),
            ("OrderBooks", "api/v1/orderBooks", null),
            ("OrderBookDetails", "api/v1/orderBookDetails", null),
            ("OrderBookOrders", "api/v1/orderBookOrders?market_id=0&limit=5", null),
            ("Trades", "api/v1/recentTrades?market_id=0&limit=5", null),
            ("Trades", $"api/v1/trades?sort_by=timestamp&limit=5&account_index={f.Taker.AccountIndex}", null),
            ("Orders", $"api/v1/accountActiveOrders?account_index={f.Maker.AccountIndex}", auth),
            ("Orders", $"api/v1/accountInactiveOrders?account_index={f.Maker.AccountIndex}&limit=5", auth),
            ("EnrichedTx", $"api/v1/tx?by=hash&value={tx.GetProperty("tx_hash").GetString()}", null),
            ("Txs", "api/v1/txs?limit=5", null),
            ("Txs", $"api/v1/accountTxs?by=account_index&value={f.Maker.AccountIndex}&limit=5", null),
        };
        using var spec = SharedFiles.ReadJson("lighter-spec", "openapi.json");
        var schemas = spec.RootElement.GetProperty("components").GetProperty("schemas");
        var problems = new List<string>();

        foreach (var (schema, path, token) in calls)
        {
            Check(await f.GetAsync(path, token), Ref(schema), schemas, schema, problems);
        }

        Check(tx, Ref("RespSendTx"), schemas, "RespSendTx", problems);
        Assert.Empty(problems);
    }

    private static JsonElement Single(JsonElement accounts) => accounts.GetProperty("accounts")[0];

    private static JsonElement Ref(string name) => JsonDocument.Parse($$"""{"$ref":"#/components/schemas/{{name}}"}""").RootElement;

    private static void Check(JsonElement value, JsonElement schema, JsonElement schemas, string where, List<string> problems)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            Check(value, schemas.GetProperty(name), schemas, $"{where}<{name}>", problems);
            return;
        }

        if (schema.TryGetProperty("type", out var type) && !HasType(value, type.GetString()!))
        {
            problems.Add($"{where}: expected {type.GetString()}, got {value.ValueKind}");
            return;
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray().Take(3))
            {
                Check(item, items, schemas, $"{where}[{i++}]", problems);
            }
        }

        if (value.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out var properties))
        {
            return;
        }

        if (schema.TryGetProperty("required", out var required))
        {
            problems.AddRange(required.EnumerateArray().Select(r => r.GetString()!).Where(r => !value.TryGetProperty(r, out _))
                .Select(r => $"{where}: missing required {r}"));
        }

        foreach (var property in value.EnumerateObject())
        {
            if (properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(property.Value, propertySchema, schemas, $"{where}.{property.Name}", problems);
            }
            else
            {
                problems.Add($"{where}: {property.Name} is not in the schema");
            }
        }
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        _ => true,
    };
}
