using Lighter.Signing.Transactions;
using BenchmarkDotNet.Attributes;
using Lighter.Client;
using Lighter.Client.Nonces;
using Lighter.Client.Submission;

namespace Lighter.Benchmarks.Client;

/// <summary>
/// SDK overhead per request against a local server, compared in the same run with a raw <see cref="HttpClient"/>
/// call of the same endpoint (the baseline). The SDK path runs the whole pipeline: error translation with
/// ResultCode check, resilience (timeouts, retry, circuit breaker), rate limiter, nonce manager.
/// <see cref="SdkSignedSendTx"/> adds real signing (<see cref="Lighter.Client.Trading.ManagedTransactionSigner"/>:
/// validate, Poseidon2 hash, Schnorr) through <see cref="LighterClient.SubmitAsync(Lighter.Signing.Transactions.LighterTransaction, long?, CancellationToken)"/>;
/// the raw POSTs send a form signed once by the same signer, and <see cref="SignOnly"/> isolates the signing cost.
/// </summary>
[MemoryDiagnoser]
public class ClientOverheadBenchmarks
{
    private const string NoncePath = "api/v1/nextNonce?account_index=7&api_key_index=3";
    private LoopbackStubServer _server = null!;
    private HttpClient _raw = null!;
    private LighterClient _sdk = null!;
    private LighterClient _sdkLimited = null!;
    private LighterClient _sdkSigning = null!;
    private Lighter.Signing.LighterPrivateKey _key = null!;
    private TransactionSubmitter _submitter = null!;
    private string _txInfo = null!;
    private long _signNonce;

    [GlobalSetup]
    public void Setup()
    {
        _server = new LoopbackStubServer();
        _raw = new HttpClient(new SocketsHttpHandler()) { BaseAddress = _server.BaseUri };
        _sdk = LighterClient.Create(Options(RateLimitTier.Unlimited));
        var limited = Options(RateLimitTier.Premium);
        limited.RestBudgetPerMinute = 1_000_000_000;
        limited.SendTxPerMinute = 1_000_000_000;
        _sdkLimited = LighterClient.Create(limited);
        _submitter = _sdkLimited.Submitter!;
        _key = Lighter.Signing.LighterPrivateKey.Generate();
        var signing = Options(RateLimitTier.Unlimited);
        signing.PrivateKey = _key.ExportHex();
        _sdkSigning = LighterClient.Create(signing);
        _txInfo = _sdkSigning.Signer!.Sign(Order, 722, null).TxInfo;
    }

    private static Lighter.Signing.Transactions.CreateOrder Order { get; } = new()
    {
        MarketIndex = 0, ClientOrderIndex = 1, BaseAmount = 1000, Price = 300_000, Side = OrderSide.Sell,
        Type = Lighter.Signing.Transactions.OrderType.Limit, TimeInForce = Lighter.Signing.Transactions.OrderTimeInForce.GoodTillTime,
        OrderExpiry = Lighter.Signing.Transactions.TxDefaults.OrderExpiry(),
    };

    private LighterClientOptions Options(RateLimitTier tier) => new()
    {
        Environment = "custom",
        BaseUrl = _server.BaseUri,
        WebSocketUrl = new Uri("ws://127.0.0.1:1/stream"),
        ChainId = 304,
        AccountIndex = 7,
        ApiKeyIndex = 3,
        RateLimitTier = tier,
    };

    [GlobalCleanup]
    public void Cleanup()
    {
        _raw.Dispose();
        _sdk.Dispose();
        _sdkLimited.Dispose();
        _sdkSigning.Dispose();
        _key.Dispose();
        _server.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task<long> RawGet()
    {
        using var response = await _raw.GetAsync(NoncePath);
        response.EnsureSuccessStatusCode();
        return NextNonceReader.Read(await response.Content.ReadAsByteArrayAsync());
    }

    [Benchmark]
    public Task<long> SdkGet() => NextNonceReader.FetchAsync(_sdk.Http, 7, 3);

    [Benchmark]
    public Task<long> SdkGetWithRateLimiter() => NextNonceReader.FetchAsync(_sdkLimited.Http, 7, 3);

    [Benchmark]
    public async Task<int> RawSendTx()
    {
        using var content = new FormUrlEncodedContent([new("tx_type", "14"), new("tx_info", _txInfo)]);
        using var response = await _raw.PostAsync("api/v1/sendTx", content);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    [Benchmark]
    public async Task<long> SdkSendTx()
    {
        var result = await _submitter.SubmitAsync(nonce => new WireTransaction(14, _txInfo, "ab", nonce));
        return result.Nonce;
    }

    [Benchmark]
    public async Task<long> SdkSignedSendTx() => (await _sdkSigning.SubmitAsync(Order)).Nonce;

    [Benchmark]
    public int SignOnly() => _sdkSigning.Signer!.Sign(Order, ++_signNonce, null).TxInfo.Length;
}
