using Lighter.Signing.Transactions;
using Lighter.Client;
using Lighter.Client.Markets;

namespace Quickstart;

/// <summary>
/// One account trading through its own <see cref="LighterClient"/> (which scales decimal sizes and prices with the
/// market's decimals, leases nonces, signs and submits), keeping a list of what it placed for the report.
/// </summary>
internal sealed class Trader(string name, LighterClient client)
{
    public string Name { get; } = name;

    public LighterClient Client { get; } = client;

    public List<PlacedOrder> Orders { get; } = [];

    public async Task LimitAsync(MarketInfo market, long clientOrderIndex, OrderSide side, decimal size, decimal price, CancellationToken cancellationToken)
    {
        var placed = await Client.CreateLimitOrderAsync(market.MarketId, side, size, price, clientOrderIndex: clientOrderIndex,
            cancellationToken: cancellationToken);
        Orders.Add(new PlacedOrder(Name, clientOrderIndex, "limit", side == OrderSide.Sell ? "sell" : "buy", size, price, placed.TxHash));
    }

    /// <summary>A market order: immediate-or-cancel, filling at prices no worse than <paramref name="worstPrice"/>.</summary>
    public async Task MarketAsync(MarketInfo market, long clientOrderIndex, OrderSide side, decimal size, decimal worstPrice, CancellationToken cancellationToken)
    {
        var placed = await Client.CreateMarketOrderAsync(market.MarketId, side, size, worstPrice, clientOrderIndex: clientOrderIndex,
            cancellationToken: cancellationToken);
        Orders.Add(new PlacedOrder(Name, clientOrderIndex, "market", side == OrderSide.Sell ? "sell" : "buy", size, worstPrice, placed.TxHash));
    }
}

/// <summary>An order the quickstart placed, for the report.</summary>
internal sealed record PlacedOrder(string Trader, long ClientOrderIndex, string Type, string Side, decimal Size, decimal Price, string TxHash);
