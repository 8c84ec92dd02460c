using System.Globalization;
using Lighter.Client;
using Lighter.Signing;
using Lighter.Signing.Transactions;
using Lighter.Testing;

namespace PackageConsumer;

/// <summary>What a consumer sees after placing one limit order through the packages.</summary>
public sealed record RestingOrder(string Symbol, OrderSide Side, decimal RemainingSize, decimal Price, string TxHash, int SandboxTransactions)
{
    /// <summary>The line the console consumer prints and the packaging script looks for.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"limit order resting: {Symbol} {(Side == OrderSide.Sell ? "sell" : "buy")} {RemainingSize:0.####} @ {Price:0.00} ({SandboxTransactions} sandbox transaction)");
}

/// <summary>
/// Starts the packaged sandbox, funds an account, registers a fresh API key and places one limit bid through the
/// packaged client; then reads the order back from the exchange's active orders (a signed, authenticated read).
/// Used as it is by the console consumer and the xunit consumer: only package references, no project references.
/// </summary>
public static class LimitOrderFlow
{
    private const byte ApiKeyIndex = 3;
    private const long ClientOrderIndex = 7;

    public static async Task<RestingOrder> RunAsync(CancellationToken cancellationToken)
    {
        await using var sandbox = await LighterSandbox.StartAsync(cancellationToken: cancellationToken);
        using var key = LighterPrivateKey.Generate();
        var account = sandbox.CreateAccount(usdc: 10_000m);
        sandbox.RegisterApiKey(account.Index, ApiKeyIndex, key.PublicKey);

        using var client = LighterClient.Create(new LighterClientOptions
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

        var markets = await client.Markets.GetAllAsync(cancellationToken);
        var eth = markets.Values.First(m => m.Symbol == "ETH" && !m.IsSpot);
        var placed = await client.CreateLimitOrderAsync(eth.MarketId, OrderSide.Buy, size: 0.5m, price: 2990.00m,
            clientOrderIndex: ClientOrderIndex, cancellationToken: cancellationToken);

        var active = await client.Order.AccountActiveOrdersAsync(account.Index, marketId: eth.MarketId,
            cancellationToken: cancellationToken);
        var order = active.Items.Single(o => o.ClientOrderIndex == ClientOrderIndex);
        return new RestingOrder(eth.Symbol, order.IsAsk ? OrderSide.Sell : OrderSide.Buy, order.RemainingBaseAmount, order.Price, placed.TxHash,
            sandbox.GetTransactions(account.Index).Count);
    }
}
