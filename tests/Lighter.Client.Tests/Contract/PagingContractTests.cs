using System.Reflection;
using System.Text.Json.Nodes;
using Lighter.Client.Api;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Lighter.Client.Tests.Contract;

/// <summary>
/// The paging helpers, one case per operation of the document that takes a <c>cursor</c> query parameter: its
/// <c>EnumerateXxxAsync</c> helper walks two pages on the wire (WireMock): the first request without a cursor, the
/// second with the cursor the first answer returned, every other argument sent on both, and the items of both pages
/// come out in order.
/// </summary>
public sealed class PagingContractTests(RestContractFixture f) : IClassFixture<RestContractFixture>
{
    private const string SecondPageCursor = "page-2-cursor";

    /// <summary>The operations of <paramref name="openApiPath"/> with a <c>cursor</c> query parameter, one case each.</summary>
    public static TheoryData<string> PagedOperationsOf(string openApiPath)
    {
        var spec = OpenApiDocument.Load(openApiPath);
        var cases = new TheoryData<string>();
        foreach (var op in spec.Operations().Where(o => IsCursorPaged(spec, o)))
        {
            cases.Add(op.OperationId);
        }

        return cases;
    }

    public static TheoryData<string> PagedOperations => PagedOperationsOf(SpecFiles.OpenApi);

    [Fact]
    public void There_is_one_helper_per_cursor_paged_operation_and_no_other()
    {
        var expected = PagedOperations.Cast<object[]>().Select(c => (string)c[0]).Select(id => "Enumerate" + Single(id).MethodName).Order().ToList();
        var helpers = typeof(LighterPagingExtensions).GetMethods(BindingFlags.Public | BindingFlags.Static).Select(m => m.Name).Order().ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, helpers);
    }

    [Theory]
    [MemberData(nameof(PagedOperations))]
    public async Task Helper_walks_the_pages_following_the_cursor(string operationId)
    {
        var op = Assert.Single(f.Spec.Operations(), o => o.OperationId == operationId);
        var operation = Single(operationId);
        var call = RestCall.Build(f.Spec, op, operation);
        var helper = typeof(LighterPagingExtensions).GetMethod("Enumerate" + operation.MethodName)
                     ?? throw new InvalidOperationException($"{operationId}: no Enumerate{operation.MethodName} helper");
        var (itemsName, cursorName) = PageShape(op);
        ServePages(op, itemsName, cursorName);

        var items = new List<object>();
        await foreach (var item in (IAsyncEnumerable<object>)helper.Invoke(null, HelperArguments(helper, call))!)
        {
            items.Add(item);
        }

        Assert.Equal(3, items.Count); // 2 on the first page, 1 on the second
        Assert.All(items, i => Assert.IsType(helper.ReturnType.GetGenericArguments()[0], i));
        var requests = f.Server.LogEntries.Select(e => e.RequestMessage!).ToList();
        Assert.Equal(2, requests.Count);
        Assert.DoesNotContain("cursor=", requests[0].RawQuery ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains($"cursor={SecondPageCursor}", requests[1].RawQuery, StringComparison.Ordinal);
        Assert.All(requests, r => RestContractTests.AssertQuery(call, r.RawQuery, except: "cursor"));
    }

    private static LighterOperation Single(string operationId) => Assert.Single(LighterOperations.All, o => o.OperationId == operationId);

    private static bool IsCursorPaged(OpenApiDocument spec, SpecOperation op) =>
        spec.Parameters(op).Any(p => (string?)p["name"] == "cursor" && (string?)p["in"] == "query");

    /// <summary>The answer's array property and its cursor property (<c>next_cursor</c>, else <c>cursor</c>), read from the document.</summary>
    private (string Items, string Cursor) PageShape(SpecOperation op)
    {
        var properties = f.Spec.Resolve(f.Spec.Response(op, "200")!)["properties"]!.AsObject();
        var items = Assert.Single(properties, p => (string?)f.Spec.Resolve(p.Value!.AsObject())["type"] == "array").Key;
        var cursor = properties.ContainsKey("next_cursor") ? "next_cursor" : "cursor";
        Assert.True(properties.ContainsKey(cursor), $"{op}: the answer has no cursor property");
        return (items, cursor);
    }

    /// <summary>Page 1 (no cursor sent): two items and a cursor; page 2 (that cursor sent): one item and no cursor.</summary>
    private void ServePages(SpecOperation op, string itemsName, string cursorName)
    {
        var schema = f.Spec.Response(op, "200")!;
        var sampler = new SchemaSampler(f.Spec.Resolve);
        var first = sampler.Sample(schema)!.AsObject();
        var item = first[itemsName]!.AsArray()[0]!;
        first[itemsName] = new JsonArray(item.DeepClone(), item.DeepClone());
        first[cursorName] = SecondPageCursor;
        var second = sampler.Sample(schema)!.AsObject();
        second[itemsName] = new JsonArray(item.DeepClone());
        second[cursorName] = string.Empty;

        f.Server.Reset();
        f.Server.Given(Request.Create().WithPath(op.Path).UsingMethod(op.Method).WithParam("cursor", SecondPageCursor)).AtPriority(1)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(second.ToJsonString()));
        f.Server.Given(Request.Create().WithPath(op.Path).UsingMethod(op.Method)).AtPriority(10)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(first.ToJsonString()));
    }

    /// <summary>The helper's arguments: the group, then the Refit method's sampled arguments by name (the cursor is the helper's own).</summary>
    private object?[] HelperArguments(MethodInfo helper, RestCall call)
    {
        var byName = call.Method.GetParameters().Zip(call.Arguments).ToDictionary(p => p.First.Name!, p => p.Second, StringComparer.Ordinal);
        var group = typeof(LighterClient).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Single(p => p.PropertyType == call.Operation.Api).GetValue(f.Client);
        return helper.GetParameters()
            .Select((p, i) => i == 0 ? group : byName.TryGetValue(p.Name!, out var value) ? value
                : throw new InvalidOperationException($"{helper.Name}({p.Name}): not a parameter of {call.Method.Name}"))
            .ToArray();
    }
}
