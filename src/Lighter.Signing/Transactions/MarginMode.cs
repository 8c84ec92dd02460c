namespace Lighter.Signing.Transactions;

/// <summary>Position margin mode.</summary>
public enum MarginMode : byte
{
    /// <summary>Cross margin.</summary>
    Cross = 0,

    /// <summary>Isolated margin.</summary>
    Isolated = 1,
}
