using Lighter.Client.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Lighter.Client.Tests.DependencyInjection;

public sealed class AddLighterClientTests
{
    private static IConfiguration Config(Uri baseUrl, string chainId = "300") => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Lighter:Environment"] = "custom",
        ["Lighter:BaseUrl"] = baseUrl.ToString(),
        ["Lighter:WebSocketUrl"] = "ws://127.0.0.1:1/stream",
        ["Lighter:ChainId"] = chainId,
        ["Lighter:AccountIndex"] = "7",
        ["Lighter:ApiKeyIndex"] = "3",
        ["Lighter:RetryBaseDelay"] = "00:00:00.010",
    }).Build();

    [Fact]
    public async Task The_client_resolves_with_the_full_pipeline_and_the_registered_clock()
    {
        using var server = LoopbackServer.Start();
        var calls = 0;
        server.Given(Request.Create().WithPath("/api/v1/nextNonce")).RespondWith(Response.Create().WithCallback(_ => ++calls == 1
            ? ((Response)Response.Create().WithStatusCode(429).WithHeader("Retry-After", "5").WithBody("""{"code":23000,"message":"Too Many Requests!"}""")).ResponseMessage
            : ((Response)Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"code":200,"nonce":55}""")).ResponseMessage));
        var time = new FakeTimeProvider();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddLighterClient(Config(server.BaseUri()));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<LighterClient>();
        var before = time.GetUtcNow();
        var nonce = await time.PumpAsync(Lighter.Client.Submission.NextNonceReader.FetchAsync(client.Http, 7, 3), TimeSpan.FromSeconds(1));

        Assert.Equal(55, nonce);
        Assert.Equal(300, client.Environment.ChainId);
        Assert.True(time.GetUtcNow() - before >= TimeSpan.FromSeconds(5), "the retry waited on the registered clock");
        Assert.NotNull(client.Submitter);
    }

    [Fact]
    public async Task Registering_twice_keeps_one_pipeline_and_the_later_configuration()
    {
        using var server = LoopbackServer.Start();
        server.Given(Request.Create().WithPath("/api/v1/nextNonce")).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"code":200,"nonce":55}"""));
        var services = new ServiceCollection();
        services.AddLighterClient(Config(server.BaseUri()));
        services.AddLighterClient(options => options.AccountIndex = 8);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<LighterClient>();
        var limiter = provider.GetRequiredService<Lighter.Client.RateLimits.LighterRateLimiter>();
        var before = limiter.AvailableRestPermits;
        Assert.Equal(55, await Lighter.Client.Submission.NextNonceReader.FetchAsync(client.Http, 7, 3));

        Assert.Equal(before - 1, limiter.AvailableRestPermits); // one rate-limit charge: one pipeline
        Assert.Equal(8, provider.GetRequiredService<IOptions<LighterClientOptions>>().Value.AccountIndex);
    }

    [Fact]
    public async Task Errors_from_the_pipeline_are_LighterApiExceptions()
    {
        using var server = LoopbackServer.Start();
        server.Given(Request.Create().WithPath("/api/v1/sendTx")).RespondWith(Response.Create().WithStatusCode(400).WithBody("""{"code":21120,"message":"invalid signature"}"""));
        var services = new ServiceCollection();
        services.AddLighterClient(Config(server.BaseUri()));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<LighterClient>();
        var error = await Assert.ThrowsAsync<LighterApiException>(() => client.Http.PostAsync("api/v1/sendTx", new StringContent("")));
        Assert.Equal(21120, error.Code);
    }

    [Fact]
    public async Task Invalid_configuration_fails_validation_with_a_clear_message()
    {
        var services = new ServiceCollection();
        services.AddLighterClient(o => { o.Environment = "mainnet"; o.ChainId = 300; });
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LighterClientOptions>>().Value);
        Assert.Contains("ChainId 300 does not match environment 'mainnet'", error.Message, StringComparison.Ordinal);
    }
}
