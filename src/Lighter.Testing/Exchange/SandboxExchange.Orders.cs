using System.Text.Json;
using Lighter.Testing.Transactions;

namespace Lighter.Testing.Exchange;

/// <summary>Order transactions: create, cancel, cancel-all, modify; fills settle into positions and collateral.</summary>
internal sealed partial class SandboxExchange
{
    private string CreateOrder(DecodedTx tx, AccountState account, string hash, long height, long now)
    {
        var book = RequireBook(tx["MarketIndex"]);
        var market = book.Market;
        var clientOrderIndex = tx["ClientOrderIndex"];
        if (clientOrderIndex != 0 && _orders.Values.Any(o => o.IsActive && o.AccountIndex == account.Index && o.ClientOrderIndex == clientOrderIndex))
        {
            throw new ExchangeException(SandboxErrorCodes.ClientOrderIndexExists, "client order index already exists");
        }

        var order = new OrderState
        {
            OrderIndex = _nextOrderIndex,
            ClientOrderIndex = clientOrderIndex,
            AccountIndex = account.Index,
            Market = market,
            IsAsk = tx["IsAsk"] == 1,
            Type = (int)tx["Type"],
            TimeInForce = (int)tx["TimeInForce"],
            ReduceOnly = tx["ReduceOnly"] == 1,
            OrderExpiry = tx["OrderExpiry"],
            Nonce = tx.Nonce,
            CreatedAtMs = now,
            UpdatedAtMs = now,
            Price = tx["Price"],
            TriggerPrice = tx["TriggerPrice"],
            InitialBase = tx["BaseAmount"],
            RemainingBase = tx["BaseAmount"],
            BlockHeight = height,
        };
        CheckSizeAndMargin(account, order);
        _nextOrderIndex++;
        _orders.Add(order.OrderIndex, order);
        PlaceAndMatch(order, account, hash, height, now);
        return EventInfo(order);
    }

    private string CancelOrder(DecodedTx tx, AccountState account, long now)
    {
        var book = RequireBook(tx["MarketIndex"]);
        var order = FindActive(account.Index, book.Market.MarketId, tx["Index"]);
        book.Remove(order);
        order.Status = OrderStatus.Canceled;
        order.UpdatedAtMs = now;
        NotifyAccount(account.Index, [order], []);
        return EventInfo(order);
    }

    private string CancelAllOrders(DecodedTx tx, AccountState account, long now)
    {
        switch (tx["TimeInForce"])
        {
            case 0:
                var market = tx.Attributes.TryGetValue(5, out var onlyMarket) ? (int?)onlyMarket : null;
                var canceled = CancelAll(account, market, now, OrderStatus.Canceled);
                return JsonSerializer.Serialize(new Dictionary<string, long> { ["a"] = account.Index, ["n"] = canceled });
            case 1:
                account.CancelAllTimeMs = tx["Time"];
                break;
            default:
                account.CancelAllTimeMs = 0;
                break;
        }

        NotifyAccount(account.Index, [], []);
        return JsonSerializer.Serialize(new Dictionary<string, long> { ["a"] = account.Index, ["t"] = account.CancelAllTimeMs });
    }

    private string ModifyOrder(DecodedTx tx, AccountState account, string hash, long height, long now)
    {
        var book = RequireBook(tx["MarketIndex"]);
        var order = FindActive(account.Index, book.Market.MarketId, tx["Index"]);
        var newSize = tx["BaseAmount"] == 0 ? order.RemainingBase : tx["BaseAmount"];
        var (oldPrice, oldRemaining) = (order.Price, order.RemainingBase);
        book.Remove(order);
        order.Price = tx["Price"];
        order.RemainingBase = newSize;
        try
        {
            CheckSizeAndMargin(account, order);
        }
        catch (ExchangeException)
        {
            (order.Price, order.RemainingBase) = (oldPrice, oldRemaining);
            book.Rest(order);
            book.DrainChanges();
            throw;
        }

        // A modified order loses its time priority and may now trade.
        order.InitialBase = order.FilledBase + newSize;
        order.TriggerPrice = tx["TriggerPrice"];
        order.UpdatedAtMs = now;
        PlaceAndMatch(order, account, hash, height, now);
        return EventInfo(order);
    }

    /// <summary>Cancels resting orders whose expiry or the account's scheduled cancel-all time has passed.</summary>
    private void ExpireOrders(long now)
    {
        foreach (var order in _orders.Values.Where(o => o.IsActive && o.OrderExpiry != 0 && o.OrderExpiry <= now).ToList())
        {
            _books[order.Market.MarketId].Remove(order);
            order.Status = OrderStatus.CanceledExpired;
            order.UpdatedAtMs = now;
            NotifyAccount(order.AccountIndex, [order], []);
        }

        foreach (var account in _accounts.Values.Where(a => a.CancelAllTimeMs != 0 && a.CancelAllTimeMs <= now))
        {
            account.CancelAllTimeMs = 0;
            CancelAll(account, null, now, OrderStatus.Canceled);
        }
    }

    private int CancelAll(AccountState account, int? marketId, long now, OrderStatus status)
    {
        var orders = _orders.Values
            .Where(o => o.IsActive && o.AccountIndex == account.Index && (marketId is null || o.Market.MarketId == marketId))
            .ToList();
        foreach (var order in orders)
        {
            _books[order.Market.MarketId].Remove(order);
            order.Status = status;
            order.UpdatedAtMs = now;
        }

        NotifyAccount(account.Index, orders, []);
        return orders.Count;
    }

    private OrderState FindActive(long accountIndex, int marketId, long index)
    {
        // Indices below 2^48 are client order indices; the exchange's own order indices start at 2^48.
        var byClientIndex = index < FirstOrderIndex;
        var order = _orders.Values.FirstOrDefault(o => o.IsActive && o.AccountIndex == accountIndex && o.Market.MarketId == marketId
            && (byClientIndex ? o.ClientOrderIndex == index : o.OrderIndex == index));
        return order ?? throw new ExchangeException(SandboxErrorCodes.InactiveCancel, "given order is not an active limit order");
    }

    private void CheckSizeAndMargin(AccountState account, OrderState order)
    {
        var market = order.Market;
        var size = market.ToSize(order.RemainingBase);
        if (!order.ReduceOnly && (size < market.MinBaseAmount || size * market.ToPrice(order.Price) < market.MinQuoteAmount))
        {
            throw new ExchangeException(SandboxErrorCodes.InvalidOrderAmount, "invalid order base or quote amount");
        }

        var needed = PositionMath.InitialMargin(size * market.ToPrice(order.Price), MarginFraction(account, market));
        // A modified order is already in the order list: its old margin must not count against its new one.
        if (!order.ReduceOnly && AvailableBalance(account, excluded: order) < needed)
        {
            throw new ExchangeException(SandboxErrorCodes.NotEnoughOrderMargin, "not enough margin to create the order");
        }
    }

    private static string EventInfo(OrderState order) => JsonSerializer.Serialize(new Dictionary<string, long>
    {
        ["a"] = order.AccountIndex, ["i"] = order.OrderIndex, ["u"] = order.ClientOrderIndex, ["m"] = order.Market.MarketId,
        ["rs"] = order.RemainingBase, ["st"] = (long)order.Status,
    });
}
