using Lighter.Client;

namespace MarketMaker;

/// <summary><c>--testnet</c>: the bot on the real testnet with the account from the <c>LIGHTER_*</c> variables.</summary>
internal static class TestnetRun
{
    public static async Task<MakerStats> RunAsync(MakerOptions options, Action<MakerStats> render, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var client = LighterClient.Create(Options(System.Environment.GetEnvironmentVariables()));
        // Testnet has a real book: the mid comes from it; the reference only matters until the first book frame.
        var first = await client.Streams.SubscribeOrderBookAsync(options.MarketId, cancellationToken);
        var reference = first.Book.BestBid is { } b && first.Book.BestAsk is { } a ? (b.Price + a.Price) / 2 : 0m;
        await first.DisposeAsync();
        if (reference <= 0) throw new InvalidOperationException($"Market {options.MarketId} has no two-sided book to quote around.");
        return await new QuoteBot(client, options, reference, time).RunAsync(render, cancellationToken);
    }

    /// <summary>Testnet options from the variables; refuses, naming each missing variable, before anything touches the network.</summary>
    /// <exception cref="LighterConfigurationException">A credential variable is missing or malformed.</exception>
    public static LighterClientOptions Options(System.Collections.IDictionary variables)
    {
        var options = new LighterClientOptions { Environment = "testnet" };
        LighterEnvironmentVariables.Apply(options, variables);
        var missing = new List<string>();
        if (options.AccountIndex is null) missing.Add("LIGHTER_ACCOUNT_INDEX");
        if (options.ApiKeyIndex is null) missing.Add("LIGHTER_API_KEY_INDEX");
        if (options.PrivateKey is null) missing.Add("LIGHTER_PRIVATE_KEY");
        return missing.Count == 0
            ? options
            : throw new LighterConfigurationException($"--testnet needs {string.Join(", ", missing)} (not set); see README \"Configure\".");
    }
}
