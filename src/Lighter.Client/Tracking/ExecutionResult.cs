namespace Lighter.Client.Tracking;

/// <summary>What became of a submitted transaction.</summary>
public enum ExecutionStatus
{
    /// <summary>The exchange executed it.</summary>
    Executed,

    /// <summary>The exchange accepted the transaction but refused to execute it (see <see cref="ExecutionResult.Reason"/>).</summary>
    Rejected,
}

/// <summary>The outcome of <see cref="ILighterClient.WaitForExecutionAsync"/>.</summary>
/// <param name="Status">Executed or rejected.</param>
/// <param name="OrderIndex">The order index, for an order placed by the transaction when it is known.</param>
/// <param name="Reason">The exchange's reason for a rejection (an order status such as <c>canceled-post-only</c>, or the tx's status).</param>
/// <param name="TxHash">The transaction hash.</param>
public sealed record ExecutionResult(ExecutionStatus Status, long? OrderIndex, string? Reason, string TxHash);
