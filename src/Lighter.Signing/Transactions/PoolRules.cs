namespace Lighter.Signing.Transactions;

/// <summary>Range checks shared by the pool share transactions (mint, burn, stake, unstake).</summary>
internal static class PoolRules
{
    /// <summary>Pool index ∈ [2^47, 2^48−2] and share amount ∈ [1, 2^60−1], with the given official texts.</summary>
    public static void Shares(
        long poolIndex, string poolField, string poolTooLow, string poolTooHigh,
        long shareAmount, string amountTooLow, string amountTooHigh)
    {
        TxErrors.FailIf(poolIndex < TxLimits.MinSubAccountIndex, poolTooLow, poolField);
        TxErrors.FailIf(poolIndex > TxLimits.MaxAccountIndex, poolTooHigh, poolField);
        TxErrors.FailIf(shareAmount < 1, amountTooLow, "ShareAmount");
        TxErrors.FailIf(shareAmount > TxLimits.MaxPoolShares, amountTooHigh, "ShareAmount");
    }

    /// <summary>Operator fee ∈ [0, 10^6].</summary>
    public static void OperatorFee(long operatorFee) =>
        TxErrors.FailIf(operatorFee is < 0 or > TxLimits.FeeTick, TxErrors.PoolOperatorFeeInvalid, "OperatorFee");

    /// <summary>Minimum operator share rate ≤ 10,000.</summary>
    public static void MinOperatorShareRate(ushort rate) =>
        TxErrors.FailIf(rate > TxLimits.ShareTick, TxErrors.PoolMinOperatorShareRateTooHigh, "MinOperatorShareRate");
}
