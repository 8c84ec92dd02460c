using Lighter.Client.Markets;
using Lighter.Client.Submission;
using Lighter.Signing.Transactions;

namespace Lighter.Client;

/// <summary>Order helpers: decimal prices and sizes are scaled with the market's decimals and checked before signing.</summary>
public sealed partial class LighterClient
{
    /// <summary>Places a limit order (GTT by default; <see cref="OrderTimeInForce.PostOnly"/> or IOC on request).</summary>
    /// <param name="marketId">Market index.</param>
    /// <param name="side">Buy or sell.</param>
    /// <param name="size">Size in base units.</param>
    /// <param name="price">Limit price.</param>
    /// <param name="timeInForce">GTT (default), post-only or IOC.</param>
    /// <param name="reduceOnly">Only reduce an open position.</param>
    /// <param name="expiry">Resting-order expiry (default 28 days; 5 min..30 days); ignored for IOC.</param>
    /// <param name="clientOrderIndex">Your id for the order (0 = none).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<TxSubmission> CreateLimitOrderAsync(short marketId, OrderSide side, decimal size, decimal price, OrderTimeInForce timeInForce = OrderTimeInForce.GoodTillTime, bool reduceOnly = false, DateTimeOffset? expiry = null, long clientOrderIndex = 0, CancellationToken cancellationToken = default)
    {
        var market = await Markets.GetAsync(marketId, cancellationToken).ConfigureAwait(false);
        var order = NewOrder(market, side, size, price, OrderType.Limit, timeInForce, reduceOnly, 0, timeInForce == OrderTimeInForce.ImmediateOrCancel ? 0 : OrderExpiry.ForRestingOrder(expiry, TimeProvider), clientOrderIndex);
        var submission = await SubmitAsync(order, cancellationToken: cancellationToken).ConfigureAwait(false);
        TrackPending(submission, marketId, side, price, size, clientOrderIndex);
        return submission;
    }

    /// <summary>Places a market order (IOC) that fills no worse than <paramref name="worstPrice"/>.</summary>
    public async Task<TxSubmission> CreateMarketOrderAsync(short marketId, OrderSide side, decimal size, decimal worstPrice, bool reduceOnly = false, long clientOrderIndex = 0, CancellationToken cancellationToken = default)
    {
        var market = await Markets.GetAsync(marketId, cancellationToken).ConfigureAwait(false);
        var order = NewOrder(market, side, size, worstPrice, OrderType.Market, OrderTimeInForce.ImmediateOrCancel, reduceOnly, 0, 0, clientOrderIndex);
        return await SubmitAsync(order, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Places a stop-loss order: triggers at <paramref name="triggerPrice"/>, then executes as a market order
    /// bounded by <paramref name="price"/>, or rests as a limit order at <paramref name="price"/> when <paramref name="asLimit"/>.
    /// </summary>
    public Task<TxSubmission> CreateStopLossOrderAsync(short marketId, OrderSide side, decimal size, decimal triggerPrice, decimal price, bool asLimit = false, bool reduceOnly = true, DateTimeOffset? expiry = null, long clientOrderIndex = 0, CancellationToken cancellationToken = default) =>
        CreateTriggerOrderAsync(marketId, side, size, triggerPrice, price, asLimit ? OrderType.StopLossLimit : OrderType.StopLoss, reduceOnly, expiry, clientOrderIndex, cancellationToken);

    /// <summary>Places a take-profit order (market or limit after the trigger, like <see cref="CreateStopLossOrderAsync"/>).</summary>
    public Task<TxSubmission> CreateTakeProfitOrderAsync(short marketId, OrderSide side, decimal size, decimal triggerPrice, decimal price, bool asLimit = false, bool reduceOnly = true, DateTimeOffset? expiry = null, long clientOrderIndex = 0, CancellationToken cancellationToken = default) =>
        CreateTriggerOrderAsync(marketId, side, size, triggerPrice, price, asLimit ? OrderType.TakeProfitLimit : OrderType.TakeProfit, reduceOnly, expiry, clientOrderIndex, cancellationToken);

    /// <summary>Places a TWAP order executed until <paramref name="expiry"/> with <paramref name="price"/> as the limit.</summary>
    public async Task<TxSubmission> CreateTwapOrderAsync(short marketId, OrderSide side, decimal size, decimal price, DateTimeOffset expiry, bool reduceOnly = false, long clientOrderIndex = 0, CancellationToken cancellationToken = default)
    {
        var market = await Markets.GetAsync(marketId, cancellationToken).ConfigureAwait(false);
        var order = NewOrder(market, side, size, price, OrderType.Twap, OrderTimeInForce.GoodTillTime, reduceOnly, 0, OrderExpiry.ForRestingOrder(expiry, TimeProvider), clientOrderIndex);
        return await SubmitAsync(order, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cancels an order by its order index or client order index.</summary>
    public Task<TxSubmission> CancelOrderAsync(short marketId, long orderIndex, CancellationToken cancellationToken = default) =>
        SubmitAsync(new CancelOrder { MarketIndex = marketId, Index = orderIndex }, cancellationToken: cancellationToken);

    /// <summary>Cancels all orders now (default), schedules a cancel-all at <paramref name="at"/>, or aborts a scheduled one.</summary>
    public Task<TxSubmission> CancelAllOrdersAsync(CancelAllTimeInForce mode = CancelAllTimeInForce.Immediate, DateTimeOffset? at = null, CancellationToken cancellationToken = default) =>
        SubmitAsync(new CancelAllOrders { TimeInForce = mode, Time = mode == CancelAllTimeInForce.Scheduled ? (at ?? throw new ArgumentNullException(nameof(at), "A scheduled cancel-all needs a time.")).ToUnixTimeMilliseconds() : 0 }, cancellationToken: cancellationToken);

    /// <summary>Changes an order's size, price and trigger price.</summary>
    public async Task<TxSubmission> ModifyOrderAsync(short marketId, long orderIndex, decimal size, decimal price, decimal? triggerPrice = null, CancellationToken cancellationToken = default)
    {
        var market = await Markets.GetAsync(marketId, cancellationToken).ConfigureAwait(false);
        var modify = new ModifyOrder
        {
            MarketIndex = marketId,
            Index = orderIndex,
            BaseAmount = market.ToBaseAmount(size),
            Price = market.ToPrice(price),
            TriggerPrice = triggerPrice is { } t ? market.ToPrice(t, "triggerPrice") : 0,
        };
        return await SubmitAsync(modify, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Places OTO, OCO or OTOCO grouped orders (build each leg with <see cref="BuildOrderAsync"/>).</summary>
    public Task<TxSubmission> CreateGroupedOrdersAsync(GroupingType grouping, IReadOnlyList<OrderInfo> orders, CancellationToken cancellationToken = default) =>
        SubmitAsync(new CreateGroupedOrders { GroupingType = grouping, Orders = orders }, cancellationToken: cancellationToken);

    /// <summary>Builds one order leg with scaled decimals, e.g. for <see cref="CreateGroupedOrdersAsync"/>. Size 0 is allowed for reduce-only and child legs.</summary>
    public async Task<OrderInfo> BuildOrderAsync(short marketId, OrderSide side, decimal size, decimal price, OrderType type, OrderTimeInForce timeInForce, bool reduceOnly = false, decimal? triggerPrice = null, long orderExpiry = 0, long clientOrderIndex = 0, CancellationToken cancellationToken = default)
    {
        var market = await Markets.GetAsync(marketId, cancellationToken).ConfigureAwait(false);
        return new OrderInfo
        {
            MarketIndex = marketId,
            ClientOrderIndex = clientOrderIndex,
            BaseAmount = size == 0 ? 0 : market.ToBaseAmount(size),
            Price = market.ToPrice(price),
            Side = side,
            Type = type,
            TimeInForce = timeInForce,
            ReduceOnly = reduceOnly,
            TriggerPrice = triggerPrice is { } t ? market.ToPrice(t, "triggerPrice") : 0,
            OrderExpiry = orderExpiry,
        };
    }

    private async Task<TxSubmission> CreateTriggerOrderAsync(short marketId, OrderSide side, decimal size, decimal triggerPrice, decimal price, OrderType type, bool reduceOnly, DateTimeOffset? expiry, long clientOrderIndex, CancellationToken cancellationToken)
    {
        var market = await Markets.GetAsync(marketId, cancellationToken).ConfigureAwait(false);
        var isLimit = type is OrderType.StopLossLimit or OrderType.TakeProfitLimit;
        var order = NewOrder(market, side, size, price, type, isLimit ? OrderTimeInForce.GoodTillTime : OrderTimeInForce.ImmediateOrCancel, reduceOnly, market.ToPrice(triggerPrice, "triggerPrice"), OrderExpiry.ForRestingOrder(expiry, TimeProvider), clientOrderIndex);
        return await SubmitAsync(order, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static CreateOrder NewOrder(MarketInfo market, OrderSide side, decimal size, decimal price, OrderType type, OrderTimeInForce tif, bool reduceOnly, uint trigger, long expiry, long clientOrderIndex)
    {
        var order = new CreateOrder
        {
            MarketIndex = market.MarketId,
            ClientOrderIndex = clientOrderIndex,
            BaseAmount = market.ToBaseAmount(size),
            Price = market.ToPrice(price),
            Side = side,
            Type = type,
            TimeInForce = tif,
            ReduceOnly = reduceOnly,
            TriggerPrice = trigger,
            OrderExpiry = expiry,
        };
        market.CheckMinimums(size, price, reduceOnly);   // after the precision checks, before anything is signed
        return order;
    }
}
