using System.Reflection;
using Lighter.Client.Tests.Support;
using Lighter.Signing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Lighter.Client.Tests.Contract;

/// <summary>
/// One WireMock server and one <see cref="LighterClient"/> (with a key, so auth tokens are attached) for the whole
/// contract class; each case resets the server's mappings and log.
/// </summary>
public sealed class RestContractFixture : IDisposable
{
    public const long AccountIndex = 7;
    public const int ApiKeyIndex = 3;
    private readonly LighterPrivateKey _key = LighterPrivateKey.Generate();

    public RestContractFixture()
    {
        Server = LoopbackServer.Start();
        Client = LighterClient.Create(new LighterClientOptions
        {
            Environment = "custom",
            BaseUrl = Server.BaseUri(),
            WebSocketUrl = new Uri("ws://127.0.0.1:1/stream"),
            ChainId = 300,
            AccountIndex = AccountIndex,
            ApiKeyIndex = ApiKeyIndex,
            RateLimitTier = RateLimitTier.Unlimited,
            PrivateKey = _key.ExportHex(),
        });
    }

    internal OpenApiDocument Spec { get; } = OpenApiDocument.Load(SpecFiles.OpenApi);

    internal WireMockServer Server { get; }

    internal LighterClient Client { get; }

    /// <summary>Answers every <paramref name="method"/> request to <paramref name="path"/> with a JSON body.</summary>
    internal void Serve(string method, string path, int status, string json)
    {
        Server.Reset();
        Server.Given(Request.Create().WithPath(path).UsingMethod(method))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json));
    }

    /// <summary>Calls the generated method through the client's group property (found by its interface type).</summary>
    internal async Task<object?> InvokeAsync(RestCall call)
    {
        var group = typeof(LighterClient).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Single(p => p.PropertyType == call.Operation.Api).GetValue(Client);
        Task task;
        try
        {
            task = (Task)call.Method.Invoke(group, call.Arguments)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }

        await task;
        return task.GetType().GetProperty("Result")!.GetValue(task);
    }

    public void Dispose()
    {
        Client.Dispose();
        Server.Stop();
        Server.Dispose();
        _key.Dispose();
    }
}
