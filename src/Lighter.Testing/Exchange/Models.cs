using Lighter.Signing;

namespace Lighter.Testing.Exchange;

/// <summary>An order's lifecycle state, with the exchange's status strings.</summary>
internal enum OrderStatus
{
    Open,
    Filled,
    Canceled,
    CanceledPostOnly,
    CanceledReduceOnly,
    CanceledNotEnoughLiquidity,
    CanceledSelfTrade,
    CanceledExpired,
    CanceledMarginNotAllowed,
}

/// <summary>An order held by the sandbox (resting or finished).</summary>
internal sealed class OrderState
{
    public required long OrderIndex { get; init; }
    public required long ClientOrderIndex { get; init; }
    public required long AccountIndex { get; init; }
    public required SandboxMarket Market { get; init; }
    public required bool IsAsk { get; init; }
    public required int Type { get; init; }
    public required int TimeInForce { get; init; }
    public required bool ReduceOnly { get; init; }
    public required long OrderExpiry { get; init; }
    public required long Nonce { get; init; }
    public required long CreatedAtMs { get; init; }
    public long Price { get; set; }
    public long TriggerPrice { get; set; }
    public long InitialBase { get; set; }
    public long RemainingBase { get; set; }
    public long FilledBase { get; set; }
    public decimal FilledQuote { get; set; }
    public OrderStatus Status { get; set; } = OrderStatus.Open;
    public long UpdatedAtMs { get; set; }
    public long BlockHeight { get; set; }

    public bool IsActive => Status == OrderStatus.Open;
}

/// <summary>A fill between a resting maker and an incoming taker.</summary>
internal sealed record TradeRecord(
    long TradeId,
    string TxHash,
    SandboxMarket Market,
    long Price,
    long Size,
    OrderState Ask,
    OrderState Bid,
    bool IsMakerAsk,
    long BlockHeight,
    long TimestampMs,
    PositionSnapshot TakerBefore,
    PositionSnapshot MakerBefore);

/// <summary>A position's size and entry value just before a fill (reported on the trade).</summary>
internal readonly record struct PositionSnapshot(long Size, decimal EntryQuote);

/// <summary>One account's position in one market; <see cref="Size"/> is signed (long &gt; 0, short &lt; 0).</summary>
internal sealed class PositionState
{
    public long Size { get; set; }

    /// <summary>The absolute USDC value paid to open the current position (avg entry × |size|).</summary>
    public decimal EntryQuote { get; set; }

    public decimal RealizedPnl { get; set; }

    public int InitialMarginFraction { get; set; }

    public int MarginMode { get; set; }
}

/// <summary>A registered API key of an account.</summary>
internal sealed class ApiKeyState
{
    // Nonces used out of order, above NextNonce; NextNonce moves past them once the gap below is filled.
    private readonly HashSet<long> _usedAhead = [];

    public required LighterPublicKey PublicKey { get; set; }

    /// <summary>The lowest nonce not used yet (what <c>nextNonce</c> reports).</summary>
    public long NextNonce { get; set; }

    public long RegisteredAtMs { get; set; }

    /// <summary>Whether <paramref name="nonce"/> is unused and less than <paramref name="window"/> ahead of <see cref="NextNonce"/>.</summary>
    public bool Accepts(long nonce, int window) =>
        nonce >= NextNonce && nonce - NextNonce < window && !_usedAhead.Contains(nonce);

    public void MarkUsed(long nonce)
    {
        if (nonce != NextNonce)
        {
            _usedAhead.Add(nonce);
            return;
        }

        NextNonce++;
        while (_usedAhead.Remove(NextNonce)) NextNonce++;
    }
}

/// <summary>A sandbox account (master or sub-account).</summary>
internal sealed class AccountState
{
    public required long Index { get; init; }
    public required string L1Address { get; init; }
    public long? MasterIndex { get; init; }
    public decimal Collateral { get; set; }
    public long CreatedAtMs { get; init; }
    public long CancelAllTimeMs { get; set; }
    public Dictionary<int, ApiKeyState> ApiKeys { get; } = [];
    public Dictionary<int, PositionState> Positions { get; } = [];
}

/// <summary>An executed (or failed) transaction, for <c>GET /api/v1/tx</c> and friends.</summary>
internal sealed record TxRecord(
    string Hash,
    int Type,
    string Info,
    string EventInfo,
    int Status,
    long AccountIndex,
    int ApiKeyIndex,
    long Nonce,
    long ExpireAt,
    long BlockHeight,
    long SequenceIndex,
    long QueuedAtMs,
    long ExecutedAtMs);
