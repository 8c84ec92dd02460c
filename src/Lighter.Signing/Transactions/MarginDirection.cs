namespace Lighter.Signing.Transactions;

/// <summary>Direction of an <see cref="UpdateMargin"/> transaction.</summary>
public enum MarginDirection : byte
{
    /// <summary>Remove USDC from the isolated position.</summary>
    Remove = 0,

    /// <summary>Add USDC to the isolated position.</summary>
    Add = 1,
}
