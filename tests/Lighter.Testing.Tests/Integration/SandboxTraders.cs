using Lighter.Client;
using Lighter.Signing;

namespace Lighter.Testing.Tests.Integration;

/// <summary>Funded sandbox accounts, each with an API key and a <see cref="LighterClient"/>; disposes clients and keys.</summary>
internal sealed class SandboxTraders(LighterSandbox sandbox) : IAsyncDisposable
{
    private const int ApiKeyIndex = 2;
    private readonly List<LighterPrivateKey> _keys = [];
    private readonly List<LighterClient> _clients = [];

    /// <summary>A new account holding <paramref name="usdc"/>, and a client trading for it.</summary>
    public LighterClient Create(decimal usdc = 100_000m)
    {
        var account = sandbox.CreateAccount(usdc);
        var key = LighterPrivateKey.Generate();
        _keys.Add(key);
        sandbox.RegisterApiKey(account.Index, ApiKeyIndex, key.PublicKey);
        var client = LighterClient.Create(new LighterClientOptions
        {
            Environment = "custom",
            BaseUrl = sandbox.BaseUri,
            WebSocketUrl = sandbox.WebSocketUri,
            ChainId = (int)sandbox.ChainId,
            AccountIndex = account.Index,
            ApiKeyIndex = ApiKeyIndex,
            PrivateKey = key.ExportHex(),
            RateLimitTier = RateLimitTier.Unlimited,
        });
        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients) await client.DisposeAsync();
        foreach (var key in _keys) key.Dispose();
    }
}
