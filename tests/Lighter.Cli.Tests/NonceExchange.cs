using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Web;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Lighter.Cli.Tests;

/// <summary>
/// A WireMock server on 127.0.0.1 that speaks the spec's <c>nextNonce</c> and <c>sendTx</c> like the exchange: a
/// nonce executes once (a second copy is refused as invalid nonce), and <c>nextNonce</c> is the lowest unused one.
/// <see cref="Fault"/> may answer a <c>sendTx</c> (by call number and nonce) before the exchange logic sees it.
/// </summary>
internal sealed class NonceExchange : IDisposable
{
    public const long Start = 1000;

    private readonly WireMockServer _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
    private int _calls;

    public NonceExchange()
    {
        _server.Given(Request.Create().WithPath("/api/v1/nextNonce").UsingGet()).RespondWith(Response.Create().WithCallback(_ =>
        {
            var n = Start;
            while (Accepted.ContainsKey(n)) n++;
            return Answer(Json(200, $$"""{"code":200,"nonce":{{n}}}"""));
        }));
        _server.Given(Request.Create().WithPath("/api/v1/sendTx").UsingPost()).RespondWith(Response.Create().WithCallback(request =>
        {
            var nonce = JsonDocument.Parse(HttpUtility.ParseQueryString(request.Body!)["tx_info"]!).RootElement.GetProperty("Nonce").GetInt64();
            Sent.Enqueue(nonce);
            if (Fault?.Invoke(Interlocked.Increment(ref _calls), nonce) is { } fault) return Answer(fault);
            if (!Accepted.TryAdd(nonce, 0)) return Answer(Json(400, """{"code":21104,"message":"invalid nonce"}"""));
            return Answer(Json(200, $$"""{"code":200,"message":"","tx_hash":"hash{{nonce}}","predicted_execution_time_ms":1,"volume_quota_remaining":99}"""));
        }));
    }

    public Uri BaseUrl => new(_server.Urls[0].TrimEnd('/') + "/");

    /// <summary>Nonces the exchange executed.</summary>
    public ConcurrentDictionary<long, byte> Accepted { get; } = new();

    /// <summary>Nonce of every <c>sendTx</c> received, in arrival order.</summary>
    public ConcurrentQueue<long> Sent { get; } = new();

    /// <summary>Optional injected answer for a <c>sendTx</c> (call number from 1, nonce); null lets the exchange answer.</summary>
    public Func<int, long, IResponseBuilder?>? Fault { get; set; }

    public static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    private static WireMock.IResponseMessage Answer(IResponseBuilder builder) => ((Response)builder).ResponseMessage;

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
