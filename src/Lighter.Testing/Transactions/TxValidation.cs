namespace Lighter.Testing.Transactions;

/// <summary>
/// The exchange's range checks on transaction fields (signing notes §6.6), each failure mapped to the
/// exchange's error code for that field.
/// </summary>
internal static class TxValidation
{
    private const long MaxAccountIndex = (1L << 48) - 2;
    private const long MaxTimestamp = (1L << 48) - 1;
    private const long MaxClientOrderIndex = (1L << 48) - 1;
    private const long MaxBaseAmount = (1L << 48) - 1;
    private const long MaxOrderIndex = (1L << 60) - 1;
    private const long MaxPrice = uint.MaxValue;

    /// <summary>Throws an <see cref="ExchangeException"/> for the first field out of range.</summary>
    public static void Validate(DecodedTx tx, Func<int, bool> marketExists)
    {
        Check(tx.AccountIndex is >= -1 and <= MaxAccountIndex, SandboxErrorCodes.InvalidAccountIndex, "invalid account index");
        var maxKey = tx.TxType == TxTypes.CancelAllOrders ? 255 : 254;
        Check(tx.ApiKeyIndex >= 0 && tx.ApiKeyIndex <= maxKey, SandboxErrorCodes.InvalidApiKeyIndex, "invalid api key index");
        Check(tx.Nonce >= 0, SandboxErrorCodes.InvalidNonce, "invalid nonce");
        if (tx.ExpiredAt is < 0 or > MaxTimestamp)
        {
            throw ExchangeException.InvalidTxInfo("ExpiredAt is invalid");
        }

        switch (tx.TxType)
        {
            case TxTypes.CreateOrder:
                ValidateMarket(tx, marketExists);
                ValidateNewOrder(tx);
                break;
            case TxTypes.CancelOrder:
                ValidateMarket(tx, marketExists);
                Check(tx["Index"] is >= 1 and <= MaxOrderIndex, SandboxErrorCodes.InvalidOrderIndex, "invalid order index");
                break;
            case TxTypes.ModifyOrder:
                ValidateMarket(tx, marketExists);
                Check(tx["Index"] is >= 1 and <= MaxOrderIndex, SandboxErrorCodes.InvalidOrderIndex, "invalid order index");
                Check(tx["BaseAmount"] is >= 0 and <= MaxBaseAmount, SandboxErrorCodes.InvalidBaseAmount, "invalid base amount");
                Check(tx["Price"] is >= 1 and <= MaxPrice, SandboxErrorCodes.InvalidPrice, "invalid price");
                Check(tx["TriggerPrice"] is >= 0 and <= MaxPrice, SandboxErrorCodes.InvalidOrderTriggerPrice, "invalid order trigger price");
                break;
            case TxTypes.CancelAllOrders:
                ValidateCancelAll(tx);
                break;
            case TxTypes.UpdateLeverage:
                ValidateMarket(tx, marketExists);
                if (tx["InitialMarginFraction"] is < 1 or > 10_000 || tx["MarginMode"] is not (0 or 1))
                {
                    throw ExchangeException.InvalidTxInfo("InitialMarginFraction or MarginMode out of range");
                }

                break;
            default:
                break;
        }
    }

    private static void ValidateMarket(DecodedTx tx, Func<int, bool> marketExists)
    {
        var market = tx["MarketIndex"];
        var inRange = market is (>= 0 and <= 254) or (>= 2048 and <= 4094);
        Check(inRange && marketExists((int)market), SandboxErrorCodes.InvalidMarketIndex, "invalid market index");
    }

    private static void ValidateNewOrder(DecodedTx tx)
    {
        var reduceOnly = tx["ReduceOnly"];
        var clientOrderIndex = tx["ClientOrderIndex"];
        Check(clientOrderIndex is >= 0 and <= MaxClientOrderIndex, SandboxErrorCodes.InvalidClientOrderIndex, "invalid client order index");
        var baseAmount = tx["BaseAmount"];
        Check(baseAmount is >= 1 and <= MaxBaseAmount || (baseAmount == 0 && reduceOnly == 1), SandboxErrorCodes.InvalidBaseAmount,
            "invalid base amount");
        Check(tx["Price"] is >= 1 and <= MaxPrice, SandboxErrorCodes.InvalidPrice, "invalid price");
        Check(tx["IsAsk"] is 0 or 1, SandboxErrorCodes.InvalidIsAsk, "invalid isAsk");
        Check(tx["TimeInForce"] is >= 0 and <= 2, SandboxErrorCodes.InvalidOrderTimeInForce, "invalid OrderTimeInForce");
        if (reduceOnly is not (0 or 1))
        {
            throw ExchangeException.InvalidTxInfo("ReduceOnly must be 0 or 1");
        }

        var trigger = tx["TriggerPrice"];
        Check(trigger is >= 0 and <= MaxPrice, SandboxErrorCodes.InvalidOrderTriggerPrice, "invalid order trigger price");
        var expiry = tx["OrderExpiry"];
        Check(expiry >= 0, SandboxErrorCodes.InvalidOrderExpiry, "invalid expiry");
        var ioc = tx["TimeInForce"] == 0;
        switch (tx["Type"])
        {
            case 0:
                Check(trigger == 0, SandboxErrorCodes.InvalidOrderTriggerPrice, "invalid order trigger price");
                Check(ioc ? expiry == 0 : expiry != 0, SandboxErrorCodes.InvalidOrderExpiry, "invalid expiry");
                break;
            case 1:
                Check(ioc, SandboxErrorCodes.InvalidOrderTimeInForce, "invalid OrderTimeInForce");
                Check(expiry == 0, SandboxErrorCodes.InvalidOrderExpiry, "invalid expiry");
                Check(trigger == 0, SandboxErrorCodes.InvalidOrderTriggerPrice, "invalid order trigger price");
                break;
            case >= 2 and <= 6:
                // Trigger and TWAP orders are valid on the exchange but the sandbox does not run them.
                throw new ExchangeException(SandboxErrorCodes.UnsupportedTxType, "unsupported tx type");
            default:
                throw new ExchangeException(SandboxErrorCodes.InvalidOrderType, "invalid OrderType");
        }
    }

    private static void ValidateCancelAll(DecodedTx tx)
    {
        var time = tx["Time"];
        switch (tx["TimeInForce"])
        {
            case 0 or 2:
                Check(time == 0, SandboxErrorCodes.InvalidCancelAllTime, "invalid cancel all time");
                break;
            case 1:
                Check(time >= 1, SandboxErrorCodes.InvalidCancelAllTime, "invalid cancel all time");
                break;
            default:
                throw new ExchangeException(SandboxErrorCodes.InvalidCancelAllTimeInForce, "invalid cancel all time in force");
        }
    }

    private static void Check(bool condition, int code, string message)
    {
        if (!condition)
        {
            throw new ExchangeException(code, message);
        }
    }
}
