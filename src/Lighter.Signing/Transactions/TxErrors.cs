using System.Diagnostics.CodeAnalysis;

namespace Lighter.Signing.Transactions;

/// <summary>
/// The official validation error texts (lighter-go <c>txtypes/errors.go</c>, numbers already substituted), so
/// callers and the conformance vectors see exactly the exchange's wording. Each failure names its field.
/// </summary>
internal static class TxErrors
{
    public const string AccountIndexTooLow = "AccountIndex should not be less than -1";
    public const string AccountIndexTooHigh = "AccountIndex should not be larger than 281474976710654";
    public const string FromAccountIndexTooLow = "FromAccountIndex should not be less than -1";
    public const string FromAccountIndexTooHigh = "FromAccountIndex should not be larger than 281474976710654";
    public const string ToAccountIndexTooLow = "ToAccountIndex should not be less than -1";
    public const string ToAccountIndexTooHigh = "ToAccountIndex should not be larger than 281474976710654";
    public const string ApiKeyIndexTooHigh = "ApiKeyIndex should not be larger than 254";
    public const string NonceTooLow = "AccountNonce should not be less than 0";
    public const string ExpiredAtInvalid = "ExpiredAt is invalid";

    public const string InvalidMarketIndex = "MarketIndex is not valid";
    public const string MarketIndexMismatch = "MarketIndex should match the market index of the order";
    public const string ClientOrderIndexTooLow = "ClientOrderIndex should not be less than 1";
    public const string ClientOrderIndexTooHigh = "ClientOrderIndex should not be larger than 281474976710655";
    public const string ClientOrderIndexDuplicate = "ClientOrderIndex should be unique within the group";
    public const string OrderIndexTooLow = "OrderIndex should not be less than 281474976710656";
    public const string OrderIndexTooHigh = "OrderIndex should not be larger than 1152921504606846975";
    public const string BaseAmountTooLow = "BaseAmount should not be less than 1";
    public const string BaseAmountTooHigh = "BaseAmount should not be larger than 281474976710655";
    public const string BaseAmountsNotEqual = "BaseAmounts should be equal";
    public const string BaseAmountNotNil = "BaseAmount should be nil";
    public const string PriceTooLow = "OrderPrice should not be less than 1";
    public const string IsAskInvalid = "IsAsk should be 0 or 1";
    public const string OrderTypeInvalid = "OrderType is not valid";
    public const string TimeInForceInvalid = "OrderTimeInForce is not valid";
    public const string ReduceOnlyInvalid = "ReduceOnly is invalid";
    public const string TriggerPriceInvalid = "TriggerPrice is invalid";
    public const string OrderExpiryInvalid = "OrderExpiry is invalid";
    public const string GroupingTypeInvalid = "GroupingType is not valid";
    public const string OrderGroupSizeInvalid = "OrderGroupSize is not valid";

    public const string CancelAllTimeInForceInvalid = "CancelAllTimeInForce is invalid";
    public const string CancelAllTimeNotInRange = "CancelAllTime should be larger than 0 and not larger than 9223372036854775807";
    public const string CancelAllTimeNotNil = "CancelAllTime should be nil";
    public const string CancelAllMarketCantBeScheduled =
        "Cancel all for market index can't be scheduled, TimeInforce must be ImmediateCancelAll";

    public const string AssetIndexTooLow = "AssetIndex should not be less than 1";
    public const string AssetIndexTooHigh = "AssetIndex should not be larger than 62";
    public const string RouteTypeInvalid = "RouteType is invalid";
    public const string TransferAmountTooLow = "TransferAmount should be larger than 1";
    public const string TransferAmountTooHigh = "TransferAmount should not be larger than 1152921504606846975";
    public const string TransferFeeNegative = "TransferFee should not be negative";
    public const string TransferFeeTooHigh = "TransferFee should not be larger than 1152921504606846975";
    public const string WithdrawalAmountTooLow = "WithdrawalAmount should be larger than 1";
    public const string WithdrawalAmountTooHigh = "WithdrawalAmount should not be larger than 1152921504606846975";
    public const string PubKeyInvalid = "PubKey is invalid";

    public const string PublicPoolIndexTooLow = "PublicPoolIndex should not be less than -1";
    public const string PublicPoolIndexTooHigh = "PublicPoolIndex should not be larger than 281474976710654";
    public const string PoolOperatorFeeInvalid = "PoolOperatorFee should be larger than 0 and not larger than 1000000";
    public const string PoolStatusInvalid = "PoolStatus should be either 0 or 1";
    public const string PoolInitialTotalSharesTooLow = "PoolInitialTotalShares should be larger than 1000000";
    public const string PoolInitialTotalSharesTooHigh = "PoolInitialTotalShares should not be larger than 1000000000000";
    public const string PoolMinOperatorShareRateTooHigh = "PoolMinOperatorShareRate should not be larger than 10000";
    public const string MintShareAmountTooLow = "PoolMintShareAmount should be larger than 1";
    public const string MintShareAmountTooHigh = "PoolMintShareAmount should not be larger than 1152921504606846975";
    public const string BurnShareAmountTooLow = "PoolBurnShareAmount should be larger than 1";
    public const string BurnShareAmountTooHigh = "PoolBurnShareAmount should not be larger than 1152921504606846975";
    public const string StakingPoolIndexTooLow = "StakingPoolIndex should not be less than 140737488355328";
    public const string StakingPoolIndexTooHigh = "StakingPoolIndex should not be larger than 281474976710654";
    public const string StakeAmountTooLow = "StakeAssetsAmount should be larger than 1";
    public const string StakeAmountTooHigh = "StakeAssetsAmount should not be larger than 1152921504606846975";
    public const string UnstakeAmountTooLow = "UnstakeAssetsAmount should be larger than 1";
    public const string UnstakeAmountTooHigh = "UnstakeAssetsAmount should not be larger than 1152921504606846975";

    public const string MarginModeInvalid = "MarginMode is not valid";
    public const string InitialMarginFractionTooLow = "InitialMarginFraction should not be less than 0";
    public const string InitialMarginFractionTooHigh = "InitialMarginFraction should not be larger than 10000";
    public const string MarginDirectionInvalid = "Margin movement direction is not valid";
    public const string AccountTradingModeInvalid = "AccountTradingMode is invalid";

    public const string IntegratorAccountIndexTooLow = "IntegratorAccountIndex should not be less than -1";
    public const string IntegratorAccountIndexTooHigh = "IntegratorAccountIndex should not be larger than 281474976710654";
    public const string FeeTooHigh = "MarketFee should not be larger than 1000000";
    public const string ApprovalExpiryZeroOnRevocation = "ApprovalExpiry should be zero when revoking integrator approval";
    public const string ApprovalExpiryInvalid = "ApprovalExpiry is invalid";

    public const string TooManyAttributes = "Too many attributes, should not be larger than 4";
    public const string IntegratorIndexInvalidRange = "IntegratorAccountIndex is in invalid range";
    public const string IntegratorFeeInvalidRange = "Integrator fees are in invalid range";
    public const string NonceSkipInvalid = "Nonce skip attribute is invalid";
    public const string CancelAllMarketIndexInvalidRange = "Cancel all for market index attribute is in invalid range";
    public const string SelfTradeBehaviorInvalidRange = "SelfTradeBehaviorMode is in invalid range";
    public const string SelfTradeEqualityInvalidRange = "SelfTradeEqualityMode is in invalid range";
    public const string IntegratorRequiredForFees =
        "IntegratorAccountIndex should be non-zero when integrator taker fee or maker fee is non-zero";
    public const string SelfTradeWithFees = "Self-trade specification isn't allowed with integrator fees";
    public const string ReduceWithMasterEquality =
        "Reduce self-trade behavior mode isn't allowed with master account index equality mode";

    /// <summary>Throws the official error when <paramref name="condition"/> is true.</summary>
    public static void FailIf([DoesNotReturnIf(true)] bool condition, string message, string field)
    {
        if (condition)
        {
            Fail(message, field);
        }
    }

    /// <summary>Throws the official error.</summary>
    [DoesNotReturn]
    public static void Fail(string message, string field) => throw new LighterSigningException(message, field);
}
