using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Lighter.Benchmarks.Client;

/// <summary>A minimal HTTP server on 127.0.0.1 answering nextNonce and sendTx with fixed JSON, for overhead measurements.</summary>
public sealed class LoopbackStubServer : IDisposable
{
    private static readonly byte[] NonceBody = Encoding.UTF8.GetBytes("""{"code":200,"nonce":722}""");
    private static readonly byte[] SendTxBody = Encoding.UTF8.GetBytes("""{"code":200,"message":"","tx_hash":"ab","predicted_execution_time_ms":5,"volume_quota_remaining":9}""");
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public LoopbackStubServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUri.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri BaseUri { get; }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private static async Task AnswerAsync(HttpListenerContext context)
    {
        if (context.Request.HasEntityBody)
        {
            await context.Request.InputStream.CopyToAsync(Stream.Null);
        }

        var body = context.Request.Url!.AbsolutePath.EndsWith("sendTx", StringComparison.Ordinal) ? SendTxBody : NonceBody;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = body.Length;
        await context.Response.OutputStream.WriteAsync(body);
        context.Response.Close();
    }
}
