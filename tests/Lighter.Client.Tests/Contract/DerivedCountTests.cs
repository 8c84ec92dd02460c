using System.Text.Json.Nodes;

namespace Lighter.Client.Tests.Contract;

/// <summary>
/// The contract cases come from the documents themselves: a copy of a document with one more operation (or
/// message) yields one more case, and the count equals what the document holds. Nothing is hard-coded.
/// </summary>
public sealed class DerivedCountTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lighter-contract-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Adding_an_operation_to_the_spec_adds_a_rest_case()
    {
        var root = JsonNode.Parse(File.ReadAllText(SpecFiles.OpenApi))!.AsObject();
        var paths = root["paths"]!.AsObject();
        var documentCount = paths.Sum(p => p.Value!.AsObject().Count(m => m.Value?["operationId"] is not null));
        var before = RestContractTests.OperationsOf(SpecFiles.OpenApi).Cast<object[]>().Count();
        paths["/api/v1/contractProbe"] = new JsonObject
        {
            ["get"] = new JsonObject
            {
                ["operationId"] = "contractProbe",
                ["responses"] = new JsonObject { ["200"] = paths["/api/v1/nextNonce"]!["get"]!["responses"]!["200"]!.DeepClone() },
            },
        };
        var copy = Path.Combine(_dir, "openapi.json");
        File.WriteAllText(copy, root.ToJsonString());

        var after = RestContractTests.OperationsOf(copy).Cast<object[]>().Select(c => (string)c[0]).ToList();

        Assert.Equal(documentCount, before);
        Assert.Equal(before + 1, after.Count);
        Assert.Contains("contractProbe", after);
        Assert.Equal(before, RestContractTests.Operations.Cast<object[]>().Count());
    }

    [Fact]
    public void Adding_a_message_to_the_asyncapi_document_adds_a_websocket_case()
    {
        var root = JsonNode.Parse(File.ReadAllText(SpecFiles.AsyncApi))!.AsObject();
        var messages = root["components"]!["messages"]!.AsObject();
        var documentCount = messages.Count;
        var before = WsContractTests.Messages.Cast<object[]>().Count();
        messages["ContractProbe"] = new JsonObject
        {
            ["name"] = "ContractProbe",
            ["x-message-type"] = "update/contract_probe",
            ["payload"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["type"] = new JsonObject { ["type"] = "string" } } },
        };
        var copy = Path.Combine(_dir, "asyncapi.json");
        File.WriteAllText(copy, root.ToJsonString());

        var after = WsContractTests.MessagesOf(AsyncApiDocument.Load(copy)).Cast<object[]>().Select(c => (string)c[0]).ToList();

        Assert.Equal(documentCount, before);
        Assert.Equal(before + 1, after.Count);
        Assert.Contains("ContractProbe", after);
    }
}
