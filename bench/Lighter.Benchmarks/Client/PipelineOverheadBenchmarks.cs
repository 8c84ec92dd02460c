using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using Lighter.Client;

namespace Lighter.Benchmarks.Client;

/// <summary>
/// The SDK's own cost per GET with the network taken out: the same canned response through a bare
/// <see cref="HttpClient"/> and through the full <see cref="LighterClient"/> pipeline (errors, resilience, rate
/// limits, auth). Loopback runs on a 2-core machine are dominated by the server's noise; this isolates what we add.
/// </summary>
[MemoryDiagnoser]
public class PipelineOverheadBenchmarks
{
    private const string NoncePath = "api/v1/nextNonce?account_index=7&api_key_index=3";
    private static readonly Uri BaseUri = new("http://stub.invalid/");
    private HttpClient _raw = null!;
    private LighterClient _sdk = null!;
    private LighterClient _sdkLimited = null!;

    [GlobalSetup]
    public void Setup()
    {
        _raw = new HttpClient(new CannedNonceHandler()) { BaseAddress = BaseUri };
        _sdk = LighterClient.Create(Options(RateLimitTier.Unlimited), new CannedNonceHandler());
        var limited = Options(RateLimitTier.Premium);
        limited.RestBudgetPerMinute = 1_000_000_000;
        _sdkLimited = LighterClient.Create(limited, new CannedNonceHandler());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _raw.Dispose();
        _sdk.Dispose();
        _sdkLimited.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<int> RawGetInMemory() => GetAsync(_raw);

    [Benchmark]
    public Task<int> SdkGetInMemory() => GetAsync(_sdk.Http);

    [Benchmark]
    public Task<int> SdkGetInMemoryWithRateLimiter() => GetAsync(_sdkLimited.Http);

    private static async Task<int> GetAsync(HttpClient http)
    {
        using var response = await http.GetAsync(NoncePath);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    private static LighterClientOptions Options(RateLimitTier tier) => new()
    {
        Environment = "custom",
        BaseUrl = BaseUri,
        WebSocketUrl = new Uri("ws://127.0.0.1:1/stream"),
        ChainId = 304,
        AccountIndex = 7,
        ApiKeyIndex = 3,
        RateLimitTier = tier,
    };

    private sealed class CannedNonceHandler : HttpMessageHandler
    {
        private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"code":200,"nonce":722}""");

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Body), RequestMessage = request };
            response.Content.Headers.ContentType = new("application/json");
            return Task.FromResult(response);
        }
    }
}
