using Lighter.Signing.Crypto;

namespace Lighter.Signing.Transactions;

/// <summary>
/// Optional L2 transaction attributes (the official <c>L2TxAttributes</c> map, type → value). A property left
/// <see langword="null"/> is absent; a property set to its nil value (0, or 255 for the cancel-all market) is sent
/// in <c>tx_info</c> but hashed as if absent, exactly as the official encoder does.
/// </summary>
public sealed record TxAttributes
{
    /// <summary>Attribute type numbers, in hashing order.</summary>
    internal const byte IntegratorAccountIndexType = 1, IntegratorTakerFeeType = 2, IntegratorMakerFeeType = 3,
        SkipTxNonceType = 4, CancelAllMarketIndexType = 5, SelfTradeBehaviorType = 6, SelfTradeEqualityType = 7;

    /// <summary>Attributes that let a transaction skip the nonce sequence (attribute 4 = 1).</summary>
    public static TxAttributes SkipNonce { get; } = new() { SkipTxNonce = 1 };

    /// <summary>Attribute 1: the integrator account that earns fees on this order (0..2^48−2, nil 0).</summary>
    public long? IntegratorAccountIndex { get; init; }

    /// <summary>Attribute 2: integrator taker fee in millionths (0..1,000,000, nil 0). Needs attribute 1.</summary>
    public uint? IntegratorTakerFee { get; init; }

    /// <summary>Attribute 3: integrator maker fee in millionths (0..1,000,000, nil 0). Needs attribute 1.</summary>
    public uint? IntegratorMakerFee { get; init; }

    /// <summary>Attribute 4: 1 makes the transaction not consume the API key's nonce (nil 0; only 1 is valid).</summary>
    public byte? SkipTxNonce { get; init; }

    /// <summary>Attribute 5: restricts an immediate cancel-all to one market (0..254; 255 = all, the nil value).</summary>
    public short? CancelAllMarketIndex { get; init; }

    /// <summary>Attribute 6: self-trade behaviour (nil <see cref="SelfTradeBehavior.ExpireMaker"/>).</summary>
    public SelfTradeBehavior? SelfTradeBehaviorMode { get; init; }

    /// <summary>Attribute 7: self-trade equality (nil <see cref="SelfTradeEquality.AccountIndex"/>).</summary>
    public SelfTradeEquality? SelfTradeEqualityMode { get; init; }

    /// <summary>Creates integrator attributes for an order (attributes 1, 2 and 3).</summary>
    /// <param name="integratorAccountIndex">The integrator's account index.</param>
    /// <param name="takerFee">Taker fee in millionths.</param>
    /// <param name="makerFee">Maker fee in millionths.</param>
    /// <returns>The attributes.</returns>
    public static TxAttributes Integrator(long integratorAccountIndex, uint takerFee, uint makerFee) => new()
    {
        IntegratorAccountIndex = integratorAccountIndex,
        IntegratorTakerFee = takerFee,
        IntegratorMakerFee = makerFee,
    };

    /// <summary>Number of attributes present (set to any value, nil included).</summary>
    internal int Count =>
        (IntegratorAccountIndex.HasValue ? 1 : 0) + (IntegratorTakerFee.HasValue ? 1 : 0) +
        (IntegratorMakerFee.HasValue ? 1 : 0) + (SkipTxNonce.HasValue ? 1 : 0) +
        (CancelAllMarketIndex.HasValue ? 1 : 0) + (SelfTradeBehaviorMode.HasValue ? 1 : 0) +
        (SelfTradeEqualityMode.HasValue ? 1 : 0);

    /// <summary>True when at least one attribute differs from its nil value (only then is it hashed).</summary>
    internal bool HasNonNilValue
    {
        get
        {
            Span<long> pairs = stackalloc long[2 * 7];
            return WriteNonNil(pairs) > 0;
        }
    }

    /// <summary>Checks ranges and combinations in the official order; throws the official error.</summary>
    internal void Validate()
    {
        var count = Count;
        if (count == 0)
        {
            return;
        }

        TxErrors.FailIf(count > TxLimits.MaxAttributes, TxErrors.TooManyAttributes, nameof(TxAttributes));
        TxErrors.FailIf(IntegratorAccountIndex is < 0 or > TxLimits.MaxAccountIndex,
            TxErrors.IntegratorIndexInvalidRange, nameof(IntegratorAccountIndex));
        TxErrors.FailIf(IntegratorTakerFee > TxLimits.FeeTick, TxErrors.IntegratorFeeInvalidRange, nameof(IntegratorTakerFee));
        TxErrors.FailIf(IntegratorMakerFee > TxLimits.FeeTick, TxErrors.IntegratorFeeInvalidRange, nameof(IntegratorMakerFee));
        TxErrors.FailIf(SkipTxNonce.HasValue && SkipTxNonce != 1, TxErrors.NonceSkipInvalid, nameof(SkipTxNonce));
        TxErrors.FailIf(CancelAllMarketIndex is < 0 or > TxLimits.NilMarketIndex,
            TxErrors.CancelAllMarketIndexInvalidRange, nameof(CancelAllMarketIndex));
        TxErrors.FailIf(SelfTradeBehaviorMode > SelfTradeBehavior.Reduce,
            TxErrors.SelfTradeBehaviorInvalidRange, nameof(SelfTradeBehaviorMode));
        TxErrors.FailIf(SelfTradeEqualityMode > SelfTradeEquality.MasterAccountIndex,
            TxErrors.SelfTradeEqualityInvalidRange, nameof(SelfTradeEqualityMode));

        var hasFees = IntegratorTakerFee is > 0 || IntegratorMakerFee is > 0;
        TxErrors.FailIf(hasFees && IntegratorAccountIndex is null or 0,
            TxErrors.IntegratorRequiredForFees, nameof(IntegratorAccountIndex));
        var hasSelfTrade = SelfTradeBehaviorMode is > SelfTradeBehavior.ExpireMaker ||
                           SelfTradeEqualityMode is > SelfTradeEquality.AccountIndex;
        TxErrors.FailIf(hasSelfTrade && hasFees, TxErrors.SelfTradeWithFees, nameof(SelfTradeBehaviorMode));
        TxErrors.FailIf(SelfTradeBehaviorMode == SelfTradeBehavior.Reduce &&
                        SelfTradeEqualityMode == SelfTradeEquality.MasterAccountIndex,
            TxErrors.ReduceWithMasterEquality, nameof(SelfTradeBehaviorMode));
    }

    /// <summary>
    /// Writes the attribute-hash pre-image: non-nil <c>[type, value]</c> pairs by ascending type, padded with
    /// <c>[0, 0]</c> to 4 pairs (8 elements). Returns false when every attribute is nil (nothing to hash).
    /// </summary>
    internal bool WritePreimage(Span<ulong> destination)
    {
        Span<long> pairs = stackalloc long[2 * 7];
        var written = WriteNonNil(pairs);
        if (written == 0)
        {
            return false;
        }

        TxErrors.FailIf(written > 2 * TxLimits.MaxAttributes, TxErrors.TooManyAttributes, nameof(TxAttributes));
        destination[..(2 * TxLimits.MaxAttributes)].Clear();
        for (var i = 0; i < written; i++)
        {
            destination[i] = Goldilocks.FromInt64(pairs[i]);
        }

        return true;
    }

    /// <summary>Writes the present attributes (nil values included) as <c>(type, value)</c> pairs by type.</summary>
    internal int WritePresent(Span<long> pairs)
    {
        var n = 0;
        Add(pairs, ref n, IntegratorAccountIndexType, IntegratorAccountIndex);
        Add(pairs, ref n, IntegratorTakerFeeType, IntegratorTakerFee);
        Add(pairs, ref n, IntegratorMakerFeeType, IntegratorMakerFee);
        Add(pairs, ref n, SkipTxNonceType, SkipTxNonce);
        Add(pairs, ref n, CancelAllMarketIndexType, CancelAllMarketIndex);
        Add(pairs, ref n, SelfTradeBehaviorType, (byte?)SelfTradeBehaviorMode);
        Add(pairs, ref n, SelfTradeEqualityType, (byte?)SelfTradeEqualityMode);
        return n;
    }

    private int WriteNonNil(Span<long> pairs)
    {
        Span<long> present = stackalloc long[2 * 7];
        var count = WritePresent(present);
        var n = 0;
        for (var i = 0; i < count; i += 2)
        {
            var nil = present[i] == CancelAllMarketIndexType ? TxLimits.NilMarketIndex : 0;
            if (present[i + 1] != nil)
            {
                pairs[n++] = present[i];
                pairs[n++] = present[i + 1];
            }
        }

        return n;
    }

    private static void Add(Span<long> pairs, ref int n, byte type, long? value)
    {
        if (value.HasValue)
        {
            pairs[n++] = type;
            pairs[n++] = value.Value;
        }
    }
}
