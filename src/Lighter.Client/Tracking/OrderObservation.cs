using System.Globalization;
using Lighter.Client.Streaming.Messages;
using Lighter.Signing.Transactions;

namespace Lighter.Client.Tracking;

/// <summary>One order as the exchange reported it (stream or REST), before it is merged into the tracker.</summary>
internal sealed record OrderObservation(
    long OrderIndex, long ClientOrderIndex, short MarketId, OrderSide Side, decimal Price,
    decimal InitialSize, decimal FilledSize, decimal RemainingSize, string Status)
{
    /// <summary>From the REST <c>Order</c> model.</summary>
    public static OrderObservation? From(Models.Order o) => o.Status == Models.OrderStatus.Unrecognized ? null : new(
        o.OrderIndex, o.ClientOrderIndex, o.MarketIndex, o.IsAsk ? OrderSide.Sell : OrderSide.Buy, o.Price,
        o.InitialBaseAmount, o.FilledBaseAmount, o.RemainingBaseAmount, Models.WireValues.ToWireValue(o.Status));

    /// <summary>From the stream's <c>WsOrder</c>; null when a field the tracker needs is missing.</summary>
    public static OrderObservation? From(WsOrder o)
    {
        if (o.OrderIndex is not { } index || o.MarketIndex is not { } market || o.Status is not { } status) return null;
        return new(
            index, o.ClientOrderIndex ?? 0, checked((short)market), o.IsAsk == true ? OrderSide.Sell : OrderSide.Buy, Dec(o.Price),
            Dec(o.InitialBaseAmount), Dec(o.FilledBaseAmount), Dec(o.RemainingBaseAmount), status);
    }

    private static decimal Dec(string? wire) =>
        string.IsNullOrEmpty(wire) ? 0m : decimal.Parse(wire, NumberStyles.Number, CultureInfo.InvariantCulture);
}
