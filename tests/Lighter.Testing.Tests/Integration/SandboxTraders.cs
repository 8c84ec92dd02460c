using Lighter.Client;
using Lighter.Signing;
using MarketMaker;

namespace Lighter.Testing.Tests.Integration;

/// <summary>Funded sandbox accounts, each with an API key and a <see cref="LighterClient"/>; disposes clients and keys.</summary>
internal sealed class SandboxTraders(LighterSandbox sandbox) : IAsyncDisposable
{
    private readonly List<LighterPrivateKey> _keys = [];
    private readonly List<LighterClient> _clients = [];

    /// <summary>A new account holding <paramref name="usdc"/>, and a client trading for it (built as the sample builds its traders).</summary>
    public LighterClient Create(decimal usdc = 100_000m)
    {
        var key = LighterPrivateKey.Generate();
        _keys.Add(key);
        var client = SandboxRun.NewClient(sandbox, key, usdc);
        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients) await client.DisposeAsync();
        foreach (var key in _keys) key.Dispose();
    }
}
