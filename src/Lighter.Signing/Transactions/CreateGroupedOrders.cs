using Lighter.Signing.Crypto;

namespace Lighter.Signing.Transactions;

/// <summary>Places 2 or 3 linked orders on one perps market: OTO, OCO or OTOCO (tx type 28).</summary>
public sealed record CreateGroupedOrders : LighterTransaction
{
    /// <summary>How the orders are linked.</summary>
    public required GroupingType GroupingType { get; init; }

    /// <summary>The orders: parent first for OTO / OTOCO.</summary>
    public required IReadOnlyList<OrderInfo> Orders { get; init; }

    /// <inheritdoc />
    public override TxType TxType => TxType.CreateGroupedOrders;

    /// <inheritdoc />
    private protected override void ValidateFields(in TxHeader header)
    {
        HeaderRules.Account(header.AccountIndex);
        HeaderRules.ApiKey(header.ApiKeyIndex);
        TxErrors.FailIf(Orders is null || Orders.Count is 0 or > TxLimits.MaxGroupedOrders,
            TxErrors.OrderGroupSizeInvalid, nameof(Orders));
        RequireOrders();
        var market = Orders[0].MarketIndex;
        TxErrors.FailIf(!TxLimits.IsPerpsMarket(market), TxErrors.InvalidMarketIndex, "MarketIndex");
        Span<long> clientIds = stackalloc long[TxLimits.MaxGroupedOrders];
        for (var i = 0; i < Orders.Count; i++)
        {
            var order = Orders[i].Fields;
            TxErrors.FailIf(order.MarketIndex != market, TxErrors.MarketIndexMismatch, "MarketIndex");
            order.CheckClientOrderIndex();
            TxErrors.FailIf(order.ClientOrderIndex != 0 && clientIds[..i].Contains(order.ClientOrderIndex),
                TxErrors.ClientOrderIndexDuplicate, "ClientOrderIndex");
            clientIds[i] = order.ClientOrderIndex;
            order.CheckRanges();
        }

        HeaderRules.NonceAndExpiry(header);
        switch (GroupingType)
        {
            case GroupingType.OneCancelsTheOther:
                GroupedOrderRules.OneCancelsTheOther(Orders);
                break;
            case GroupingType.OneTriggersTheOther:
                GroupedOrderRules.OneTriggersTheOther(Orders);
                break;
            case GroupingType.OneTriggersOneCancelsTheOther:
                GroupedOrderRules.OneTriggersOneCancelsTheOther(Orders);
                break;
            default:
                TxErrors.Fail(TxErrors.GroupingTypeInvalid, nameof(GroupingType));
                break;
        }
    }

    /// <inheritdoc />
    private protected override void WriteFields(ref PreimageWriter writer)
    {
        // Each order is hashed on its own (HashNoPad, 4 elements); the hashes are folded left with HashTwoToOne.
        Span<ulong> aggregate = stackalloc ulong[4];
        Span<ulong> orderHash = stackalloc ulong[4];
        Span<ulong> folded = stackalloc ulong[4];
        Span<ulong> orderElements = stackalloc ulong[10];
        RequireOrders();
        for (var i = 0; i < Orders.Count; i++)
        {
            var orderWriter = new PreimageWriter(orderElements);
            Orders[i].Fields.Write(ref orderWriter);
            Poseidon2.HashNoPad(orderElements, i == 0 ? aggregate : orderHash);
            if (i > 0)
            {
                Poseidon2.HashTwoToOne(aggregate, orderHash, folded);
                folded.CopyTo(aggregate);
            }
        }

        writer.Add((long)GroupingType);
        writer.AddElements(aggregate);
    }

    /// <inheritdoc />
    private protected override void WriteJsonFields(ref TxJsonWriter json, string l1Signature)
    {
        RequireOrders();
        json.Property("GroupingType", (long)GroupingType);
        json.Name("Orders");
        json.StartArray();
        foreach (var order in Orders)
        {
            json.StartObject();
            order.Fields.Write(ref json);
            json.EndObject();
        }

        json.EndArray();
    }

    /// <summary>
    /// Refuses a null list or a null order with an exception naming it (<c>Orders[1]</c>), also on the paths that do
    /// not validate first (<see cref="LighterTransaction.Hash"/>, <see cref="LighterTransaction.ToTxInfo"/>).
    /// </summary>
    private void RequireOrders()
    {
        if (Orders is null)
        {
            throw new LighterSigningException("Orders is null.", nameof(Orders));
        }

        for (var i = 0; i < Orders.Count; i++)
        {
            if (Orders[i] is null)
            {
                throw new LighterSigningException($"Orders[{i}] is null.", $"Orders[{i}]");
            }
        }
    }
}
