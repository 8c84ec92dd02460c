using Lighter.Client.Streaming;
using Microsoft.Extensions.Time.Testing;

namespace Lighter.Client.Tests.Streaming;

/// <summary>A scripted server, a fake clock and a client wired to both; backoff waits are advanced automatically.</summary>
internal sealed class StreamingHarness : IAsyncDisposable
{
    private StreamingHarness(ScriptedLighterServer server, LighterWebSocketClient client, FakeTimeProvider time, LighterWebSocketOptions options)
    {
        Server = server;
        Client = client;
        Time = time;
        Options = options;
        Client.StateChanged += (_, e) =>
        {
            if (e.Current == ConnectionState.Reconnecting)
            {
                // The backoff timer exists before this event is raised, so advancing here releases it.
                Time.Advance(e.RetryIn);
            }
        };
        Client.Diagnostic += (_, e) =>
        {
            lock (Diagnostics)
            {
                Diagnostics.Add(e);
            }
        };
    }

    public ScriptedLighterServer Server { get; }

    public LighterWebSocketClient Client { get; }

    public FakeTimeProvider Time { get; }

    public LighterWebSocketOptions Options { get; }

    public List<StreamDiagnosticEventArgs> Diagnostics { get; } = [];

    public static async Task<StreamingHarness> StartAsync(Action<LighterWebSocketOptions>? configure = null, IAuthTokenProvider? auth = null)
    {
        var server = await ScriptedLighterServer.StartAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var options = new LighterWebSocketOptions { Uri = server.Uri };
        configure?.Invoke(options);
        return new StreamingHarness(server, new LighterWebSocketClient(options, auth, time), time, options);
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Server.DisposeAsync();
    }
}
