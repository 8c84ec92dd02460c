namespace Lighter.Signing.Transactions;

/// <summary>What a <see cref="CancelAllOrders"/> transaction does.</summary>
public enum CancelAllTimeInForce : byte
{
    /// <summary>Cancel now (<see cref="CancelAllOrders.Time"/> must be 0).</summary>
    Immediate = 0,

    /// <summary>Cancel at <see cref="CancelAllOrders.Time"/> (Unix milliseconds), a dead man's switch.</summary>
    Scheduled = 1,

    /// <summary>Abort a scheduled cancel-all (<see cref="CancelAllOrders.Time"/> must be 0).</summary>
    AbortScheduled = 2,
}
