using Lighter.Client;
using Lighter.Client.Markets;
using Lighter.Signing;
using Lighter.Testing;

namespace Quickstart;

/// <summary>Builds the <see cref="LighterClient"/> of a sandbox account and finds markets by symbol.</summary>
internal static class Clients
{
    /// <summary>A trading client for one sandbox account and API key (no rate limits: the sandbox has none).</summary>
    public static LighterClient ForSandbox(LighterSandbox sandbox, long accountIndex, byte apiKeyIndex, LighterPrivateKey key) =>
        LighterClient.Create(new LighterClientOptions
        {
            Environment = "custom",
            BaseUrl = sandbox.BaseUri,
            WebSocketUrl = sandbox.WebSocketUri,
            ChainId = (int)sandbox.ChainId,
            AccountIndex = accountIndex,
            ApiKeyIndex = apiKeyIndex,
            PrivateKey = key.ExportHex(),
            RateLimitTier = RateLimitTier.Unlimited,
        });

    /// <summary>The market listed under <paramref name="symbol"/>, from the client's market metadata.</summary>
    public static async Task<MarketInfo> MarketAsync(LighterClient client, string symbol, CancellationToken cancellationToken)
    {
        var markets = await client.Markets.GetAllAsync(cancellationToken);
        return markets.Values.FirstOrDefault(m => m.Symbol == symbol && !m.IsSpot)
            ?? throw new InvalidOperationException($"The exchange lists no {symbol} perpetual.");
    }
}
