using Lighter.Client;
using Lighter.Signing;
using Lighter.Testing;

namespace MarketMaker;

/// <summary>The default run: an in-process sandbox, a funded bot account and (unless --no-taker) a funded taker account.</summary>
internal static class SandboxRun
{
    private const byte ApiKeyIndex = 3;

    /// <summary>The sandbox has an empty book: the bot quotes around this price until the book shows both sides.</summary>
    public const decimal ReferenceMid = 3000m;

    public static async Task<MakerStats> RunAsync(LighterSandbox sandbox, MakerOptions options, Action<MakerStats> render,
        TimeProvider time, Func<LighterClient, Task>? inspect, CancellationToken cancellationToken)
    {
        using var botKey = LighterPrivateKey.Generate();
        using var takerKey = LighterPrivateKey.Generate();
        await using var bot = NewClient(sandbox, botKey);
        await using var takerClient = NewClient(sandbox, takerKey);
        var maker = new QuoteBot(bot, options, ReferenceMid, time);
        using var takerStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var taker = options.Taker
            ? new Taker(takerClient, options.MarketId, options.Size / 2, () => maker.Stats.Mid, time).RunAsync(takerStop.Token)
            : Task.CompletedTask;
        var stats = await maker.RunAsync(render, cancellationToken);
        await takerStop.CancelAsync();
        await taker;
        if (inspect is not null) await inspect(bot); // the tests compare the exchange with the tracker here
        return stats;
    }

    /// <summary>A client for a fresh sandbox account holding <paramref name="usdc"/>, whose API key is <paramref name="key"/> (the tests use it for other traders too).</summary>
    internal static LighterClient NewClient(LighterSandbox sandbox, LighterPrivateKey key, decimal usdc = 100_000m)
    {
        var account = sandbox.CreateAccount(usdc);
        sandbox.RegisterApiKey(account.Index, ApiKeyIndex, key.PublicKey);
        return LighterClient.Create(new LighterClientOptions
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
    }
}
