using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Web;

namespace Lighter.Client.Tests.Support;

/// <summary>
/// An in-memory transport that answers <c>nextNonce</c>, <c>sendTx</c> and <c>tx</c> like the exchange: a nonce executes
/// once (a second copy is refused as invalid nonce), <c>nextNonce</c> is the lowest unused one, and no transaction is
/// found by hash. Hooks let a test answer one <c>sendTx</c> or <c>nextNonce</c> its own way, at a moment it picks.
/// </summary>
internal sealed class MemoryNonceExchange(long start) : HttpMessageHandler
{
    /// <summary>Nonces executed.</summary>
    public ConcurrentDictionary<long, byte> Accepted { get; } = new();

    /// <summary>Nonce of every <c>sendTx</c>, in arrival order.</summary>
    public ConcurrentQueue<long> Sent { get; } = new();

    /// <summary>Answers a <c>sendTx</c> before the exchange logic (by nonce); null lets the exchange answer.</summary>
    public Func<long, HttpResponseMessage?>? SendFault { get; set; }

    /// <summary>Answers a <c>nextNonce</c> instead of the exchange (given its true value); null lets the exchange answer.</summary>
    public Func<long, Task<long?>>? NextNonceOverride { get; set; }

    public static HttpResponseMessage Json(int status, string body) =>
        new((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage InvalidNonce() => Json(400, """{"code":21104,"message":"invalid nonce"}""");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await Task.Yield(); // answers arrive on another thread, as from a socket
        var path = request.RequestUri!.AbsolutePath;
        if (path.EndsWith("/nextNonce", StringComparison.Ordinal))
        {
            var next = start;
            while (Accepted.ContainsKey(next)) next++;
            if (NextNonceOverride is { } nextNonce && await nextNonce(next) is { } given) next = given;
            return Json(200, $$"""{"code":200,"nonce":{{next}}}""");
        }

        if (!path.EndsWith("/sendTx", StringComparison.Ordinal))
        {
            return Json(400, """{"code":21500,"message":"transaction not found"}""");
        }

        var form = HttpUtility.ParseQueryString(await request.Content!.ReadAsStringAsync(cancellationToken));
        var nonce = JsonDocument.Parse(form["tx_info"]!).RootElement.GetProperty("Nonce").GetInt64();
        Sent.Enqueue(nonce);
        if (SendFault?.Invoke(nonce) is { } fault) return fault;
        if (!Accepted.TryAdd(nonce, 0)) return InvalidNonce();
        return Json(200, $$"""{"code":200,"message":"","tx_hash":"hash{{nonce}}","predicted_execution_time_ms":1,"volume_quota_remaining":99}""");
    }
}
