namespace Lighter.Signing.Transactions;

/// <summary>Which balance of an account an asset moves from or to.</summary>
public enum RouteType : byte
{
    /// <summary>The perpetuals (margin) balance.</summary>
    Perps = 0,

    /// <summary>The spot balance.</summary>
    Spot = 1,
}
