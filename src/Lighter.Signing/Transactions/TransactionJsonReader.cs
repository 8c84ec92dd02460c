using System.Globalization;
using System.Text.Json;

namespace Lighter.Signing.Transactions;

/// <summary>
/// Reads a transaction's own fields from a JSON object that uses the official Go field names (a <c>tx_info</c>
/// or an oracle vector's <c>request</c>), for the conformance runner and tests. Values that do not fit the
/// official Go type are rejected with an exception naming the field; 0/1 flags outside 0/1 get the official text.
/// </summary>
internal static class TransactionJsonReader
{
    private const string AttributesField = "L2TxAttributes";

    public static LighterTransaction Read(TxType type, JsonElement body, TxAttributes? attributes) => type switch
    {
        TxType.CreateOrder => ReadCreateOrder(body) with { Attributes = attributes },
        TxType.CancelOrder => new CancelOrder { MarketIndex = I16(body, "MarketIndex"), Index = I64(body, "Index"), Attributes = attributes },
        TxType.CancelAllOrders => new CancelAllOrders
        {
            TimeInForce = (CancelAllTimeInForce)U8(body, "TimeInForce"), Time = I64(body, "Time"), Attributes = attributes,
        },
        TxType.ModifyOrder => new ModifyOrder
        {
            MarketIndex = I16(body, "MarketIndex"), Index = I64(body, "Index"), BaseAmount = I64(body, "BaseAmount"),
            Price = U32(body, "Price"), TriggerPrice = U32(body, "TriggerPrice"), Attributes = attributes,
        },
        TxType.CreateGroupedOrders => new CreateGroupedOrders
        {
            GroupingType = (GroupingType)U8(body, "GroupingType"),
            Orders = [.. Array(body, "Orders").Select(ReadOrderInfo)],
            Attributes = attributes,
        },
        TxType.Transfer => new Transfer
        {
            ToAccountIndex = I64(body, "ToAccountIndex"), AssetIndex = I16(body, "AssetIndex"),
            FromRouteType = (RouteType)U8(body, "FromRouteType"), ToRouteType = (RouteType)U8(body, "ToRouteType"),
            Amount = I64(body, "Amount"), UsdcFee = I64(body, "USDCFee"), Memo = Bytes(body, "Memo"), Attributes = attributes,
        },
        TxType.Withdraw => new Withdraw
        {
            AssetIndex = I16(body, "AssetIndex"), RouteType = (RouteType)U8(body, "RouteType"),
            Amount = Number(body, "Amount", ulong.MinValue, ulong.MaxValue, e => e.GetUInt64()), Attributes = attributes,
        },
        TxType.ChangePubKey => new ChangePubKey { PubKey = Bytes(body, "PubKey"), Attributes = attributes },
        TxType.CreateSubAccount => new CreateSubAccount { Attributes = attributes },
        TxType.UpdateLeverage => new UpdateLeverage
        {
            MarketIndex = I16(body, "MarketIndex"), InitialMarginFraction = U16(body, "InitialMarginFraction"),
            MarginMode = (MarginMode)U8(body, "MarginMode"), Attributes = attributes,
        },
        TxType.UpdateMargin => new UpdateMargin
        {
            MarketIndex = I16(body, "MarketIndex"), UsdcAmount = I64(body, "USDCAmount"),
            Direction = (MarginDirection)U8(body, "Direction"), Attributes = attributes,
        },
        TxType.CreatePublicPool => new CreatePublicPool
        {
            OperatorFee = I64(body, "OperatorFee"), InitialTotalShares = I64(body, "InitialTotalShares"),
            MinOperatorShareRate = U16(body, "MinOperatorShareRate"), Attributes = attributes,
        },
        TxType.UpdatePublicPool => new UpdatePublicPool
        {
            PublicPoolIndex = I64(body, "PublicPoolIndex"), Status = U8(body, "Status"), OperatorFee = I64(body, "OperatorFee"),
            MinOperatorShareRate = U16(body, "MinOperatorShareRate"), Attributes = attributes,
        },
        TxType.MintShares => new MintShares
        {
            PublicPoolIndex = I64(body, "PublicPoolIndex"), ShareAmount = I64(body, "ShareAmount"), Attributes = attributes,
        },
        TxType.BurnShares => new BurnShares
        {
            PublicPoolIndex = I64(body, "PublicPoolIndex"), ShareAmount = I64(body, "ShareAmount"), Attributes = attributes,
        },
        TxType.StakeAssets => new StakeAssets
        {
            StakingPoolIndex = I64(body, "StakingPoolIndex"), ShareAmount = I64(body, "ShareAmount"), Attributes = attributes,
        },
        TxType.UnstakeAssets => new UnstakeAssets
        {
            StakingPoolIndex = I64(body, "StakingPoolIndex"), ShareAmount = I64(body, "ShareAmount"), Attributes = attributes,
        },
        TxType.ApproveIntegrator => new ApproveIntegrator
        {
            IntegratorAccountIndex = I64(body, "IntegratorAccountIndex"), MaxPerpsTakerFee = U32(body, "MaxPerpsTakerFee"),
            MaxPerpsMakerFee = U32(body, "MaxPerpsMakerFee"), MaxSpotTakerFee = U32(body, "MaxSpotTakerFee"),
            MaxSpotMakerFee = U32(body, "MaxSpotMakerFee"), ApprovalExpiry = I64(body, "ApprovalExpiry"), Attributes = attributes,
        },
        TxType.UpdateAccountConfig => new UpdateAccountConfig { AccountTradingMode = U8(body, "AccountTradingMode"), Attributes = attributes },
        TxType.UpdateAccountAssetConfig => new UpdateAccountAssetConfig
        {
            AssetIndex = I16(body, "AssetIndex"), AssetMarginMode = (AssetMarginMode)U8(body, "AssetMarginMode"), Attributes = attributes,
        },
        _ => throw new LighterSigningException($"Transaction type {(int)type} is not a client transaction.", "tx_type"),
    };

    /// <summary>
    /// Reads attributes keyed by type number (<c>{"1":777}</c>, as in <c>tx_info</c>) or by the oracle vectors'
    /// <c>"Name(1)"</c> notation; <c>null</c> or an empty object gives <see langword="null"/>.
    /// </summary>
    public static TxAttributes? ReadAttributes(JsonElement attributes)
    {
        if (attributes.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var result = new TxAttributes();
        foreach (var entry in attributes.EnumerateObject())
        {
            var type = AttributeType(entry.Name);
            if (entry.Value.ValueKind != JsonValueKind.Number || !entry.Value.TryGetInt64(out var value))
            {
                throw new LighterSigningException("An attribute value is not a 64-bit integer.", AttributesField);
            }

            result = type switch
            {
                TxAttributes.IntegratorAccountIndexType => result with { IntegratorAccountIndex = value },
                TxAttributes.IntegratorTakerFeeType => result with { IntegratorTakerFee = (uint)AttributeValue(value, uint.MaxValue) },
                TxAttributes.IntegratorMakerFeeType => result with { IntegratorMakerFee = (uint)AttributeValue(value, uint.MaxValue) },
                TxAttributes.SkipTxNonceType => result with { SkipTxNonce = (byte)AttributeValue(value, byte.MaxValue) },
                TxAttributes.CancelAllMarketIndexType => result with { CancelAllMarketIndex = (short)AttributeValue(value, short.MaxValue, short.MinValue) },
                TxAttributes.SelfTradeBehaviorType => result with { SelfTradeBehaviorMode = (SelfTradeBehavior)AttributeValue(value, byte.MaxValue) },
                TxAttributes.SelfTradeEqualityType => result with { SelfTradeEqualityMode = (SelfTradeEquality)AttributeValue(value, byte.MaxValue) },
                _ => throw new LighterSigningException("Attribute type is invalid", AttributesField),
            };
        }

        return result.Count == 0 ? null : result;
    }

    /// <summary>An attribute value that must fit the attribute's Go type (<paramref name="min"/>..<paramref name="max"/>).</summary>
    private static long AttributeValue(long value, long max, long min = 0) => value >= min && value <= max
        ? value
        : throw new LighterSigningException("An attribute value is out of range for its type.", AttributesField);

    /// <summary>The type number of an attribute key: <c>"1"</c> or <c>"Name(1)"</c>; anything else is refused.</summary>
    private static byte AttributeType(string key)
    {
        var typeText = key.AsSpan();
        var open = key.IndexOf('(', StringComparison.Ordinal);
        if (open >= 0)
        {
            var close = key.IndexOf(')', open + 1);
            if (close < 0 || close != key.Length - 1)
            {
                throw new LighterSigningException(
                    "An attribute key must be a type number or Name(number) with one closing parenthesis at the end.",
                    AttributesField);
            }

            typeText = typeText[(open + 1)..close];
        }

        return byte.TryParse(typeText, NumberStyles.None, CultureInfo.InvariantCulture, out var type)
            ? type
            : throw new LighterSigningException("An attribute key is not a type number 0..255.", AttributesField);
    }

    private static CreateOrder ReadCreateOrder(JsonElement body)
    {
        var o = ReadOrderInfo(body);
        return new CreateOrder
        {
            MarketIndex = o.MarketIndex, ClientOrderIndex = o.ClientOrderIndex, BaseAmount = o.BaseAmount, Price = o.Price,
            Side = o.Side, Type = o.Type, TimeInForce = o.TimeInForce, ReduceOnly = o.ReduceOnly,
            TriggerPrice = o.TriggerPrice, OrderExpiry = o.OrderExpiry,
        };
    }

    private static OrderInfo ReadOrderInfo(JsonElement body) => new()
    {
        MarketIndex = I16(body, "MarketIndex"),
        ClientOrderIndex = I64(body, "ClientOrderIndex"),
        BaseAmount = I64(body, "BaseAmount"),
        Price = U32(body, "Price"),
        Side = Flag(body, "IsAsk", TxErrors.IsAskInvalid) ? OrderSide.Sell : OrderSide.Buy,
        Type = (OrderType)U8(body, "Type"),
        TimeInForce = (OrderTimeInForce)U8(body, "TimeInForce"),
        ReduceOnly = Flag(body, "ReduceOnly", TxErrors.ReduceOnlyInvalid),
        TriggerPrice = U32(body, "TriggerPrice"),
        OrderExpiry = I64(body, "OrderExpiry"),
    };

    private static bool Flag(JsonElement body, string name, string officialError) => U8(body, name) switch
    {
        0 => false,
        1 => true,
        _ => throw new LighterSigningException(officialError, name),
    };

    private static long I64(JsonElement body, string name) => Number(body, name, long.MinValue, long.MaxValue, e => e.GetInt64());

    private static short I16(JsonElement body, string name) => (short)Number(body, name, short.MinValue, short.MaxValue, e => e.GetInt64());

    private static byte U8(JsonElement body, string name) => (byte)Number(body, name, byte.MinValue, byte.MaxValue, e => e.GetInt64());

    private static ushort U16(JsonElement body, string name) => (ushort)Number(body, name, ushort.MinValue, ushort.MaxValue, e => e.GetInt64());

    private static uint U32(JsonElement body, string name) => (uint)Number(body, name, uint.MinValue, uint.MaxValue, e => e.GetInt64());

    private static T Number<T>(JsonElement body, string name, T min, T max, Func<JsonElement, T> read)
        where T : IComparable<T>
    {
        var element = Property(body, name);
        T value;
        try
        {
            value = read(element);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException)
        {
            throw new LighterSigningException($"{name} is not an integer of the expected size.", name, ex);
        }

        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            throw new LighterSigningException($"{name} is out of range for its type.", name);
        }

        return value;
    }

    /// <summary>A Go <c>[]byte</c> / <c>[32]byte</c>: base64 text or an array of numbers.</summary>
    private static byte[] Bytes(JsonElement body, string name)
    {
        var element = Property(body, name);
        if (element.ValueKind == JsonValueKind.String)
        {
            return element.TryGetBytesFromBase64(out var decoded)
                ? decoded
                : throw new LighterSigningException($"{name} is not valid base64.", name);
        }

        return [.. Array(body, name).Select(b => b.ValueKind == JsonValueKind.Number && b.TryGetByte(out var value)
            ? value
            : throw new LighterSigningException($"{name} must hold numbers 0..255.", name))];
    }

    private static JsonElement.ArrayEnumerator Array(JsonElement body, string name)
    {
        var element = Property(body, name);
        return element.ValueKind == JsonValueKind.Array
            ? element.EnumerateArray()
            : throw new LighterSigningException($"{name} must be an array.", name);
    }

    private static JsonElement Property(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value)
            ? value
            : throw new LighterSigningException($"{name} is missing.", name);
}
