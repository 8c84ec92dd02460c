using Lighter.Signing;
using Lighter.Signing.Transactions;

namespace Quickstart;

/// <summary>
/// One account trading through the SDK: signs with its API key, numbers transactions with consecutive nonces
/// starting from the exchange's <c>nextNonce</c>, and sends them with <c>POST /api/v1/sendTx</c>.
/// </summary>
internal sealed class Trader(string name, LighterSigner signer, long firstNonce, ExchangeRest exchange)
{
    private long _nextNonce = firstNonce;

    public string Name { get; } = name;

    public long AccountIndex => signer.AccountIndex;

    public LighterSigner Signer => signer;

    public List<PlacedOrder> Orders { get; } = [];

    public Task<string> LimitAsync(Market market, long clientOrderIndex, bool isAsk, decimal size, decimal price,
        CancellationToken cancellationToken) =>
        PlaceAsync(market, clientOrderIndex, isAsk, size, price, OrderType.Limit, OrderTimeInForce.GoodTillTime,
            DateTimeOffset.UtcNow.AddDays(28).ToUnixTimeMilliseconds(), cancellationToken);

    /// <summary>A market order: immediate-or-cancel, filling at prices no worse than <paramref name="worstPrice"/>.</summary>
    public Task<string> MarketAsync(Market market, long clientOrderIndex, bool isAsk, decimal size, decimal worstPrice,
        CancellationToken cancellationToken) =>
        PlaceAsync(market, clientOrderIndex, isAsk, size, worstPrice, OrderType.Market, OrderTimeInForce.ImmediateOrCancel, 0,
            cancellationToken);

    public Task<string> CancelAsync(Market market, long clientOrderIndex, CancellationToken cancellationToken) =>
        SendAsync(new CancelOrder { MarketIndex = market.Id, Index = clientOrderIndex }, cancellationToken);

    public Task<string> CancelAllAsync(CancellationToken cancellationToken) =>
        SendAsync(new CancelAllOrders { TimeInForce = CancelAllTimeInForce.Immediate }, cancellationToken);

    private async Task<string> PlaceAsync(Market market, long clientOrderIndex, bool isAsk, decimal size, decimal price,
        OrderType type, OrderTimeInForce timeInForce, long orderExpiry, CancellationToken cancellationToken)
    {
        var order = new CreateOrder
        {
            MarketIndex = market.Id,
            ClientOrderIndex = clientOrderIndex,
            BaseAmount = market.ToSizeUnits(size),
            Price = market.ToPriceUnits(price),
            IsAsk = isAsk,
            Type = type,
            TimeInForce = timeInForce,
            OrderExpiry = orderExpiry,
        };
        var hash = await SendAsync(order, cancellationToken).ConfigureAwait(false);
        Orders.Add(new PlacedOrder(Name, clientOrderIndex, type == OrderType.Market ? "market" : "limit", isAsk ? "sell" : "buy", size, price, hash));
        return hash;
    }

    private async Task<string> SendAsync(LighterTransaction transaction, CancellationToken cancellationToken)
    {
        var signed = signer.Sign(transaction, _nextNonce);
        var hash = await exchange.SendTxAsync((int)signed.TxType, signed.TxInfo, cancellationToken).ConfigureAwait(false);
        _nextNonce++;
        return hash;
    }
}

/// <summary>An order the quickstart placed, for the report.</summary>
internal sealed record PlacedOrder(string Trader, long ClientOrderIndex, string Type, string Side, decimal Size, decimal Price, string TxHash);
