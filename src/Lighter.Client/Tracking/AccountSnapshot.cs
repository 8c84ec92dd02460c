namespace Lighter.Client.Tracking;

/// <summary>One position of the account, as the exchange last reported it.</summary>
/// <param name="MarketId">The market.</param>
/// <param name="Size">Signed size in base units: positive long, negative short.</param>
/// <param name="AverageEntryPrice">Average entry price.</param>
/// <param name="UnrealizedPnl">Unrealized profit and loss, in USDC.</param>
/// <param name="AllocatedMargin">Margin allocated to an isolated position, in USDC.</param>
public sealed record PositionSnapshot(short MarketId, decimal Size, decimal AverageEntryPrice, decimal UnrealizedPnl, decimal AllocatedMargin);

/// <summary>The account's balances, positions and open orders at one moment (read-only).</summary>
/// <param name="Collateral">Collateral, in USDC.</param>
/// <param name="AvailableBalance">Balance free for new orders, in USDC.</param>
/// <param name="Positions">Non-zero positions, by market.</param>
/// <param name="OpenOrders">Open orders (from <see cref="OrderTracker.OpenOrders"/>).</param>
/// <param name="UpdatedAt">When the snapshot was taken (client clock).</param>
public sealed record AccountSnapshot(decimal Collateral, decimal AvailableBalance, IReadOnlyList<PositionSnapshot> Positions, IReadOnlyList<TrackedOrder> OpenOrders, DateTimeOffset UpdatedAt)
{
    /// <summary>The snapshot before anything was read.</summary>
    public static AccountSnapshot Empty { get; } = new(0m, 0m, [], [], default);
}

/// <summary>A change of the account snapshot.</summary>
public sealed class AccountChangedEventArgs : EventArgs
{
    /// <summary>Creates the event arguments.</summary>
    /// <param name="previous">The snapshot before.</param>
    /// <param name="current">The snapshot after.</param>
    public AccountChangedEventArgs(AccountSnapshot previous, AccountSnapshot current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        Previous = previous;
        Current = current;
    }

    /// <summary>The snapshot before.</summary>
    public AccountSnapshot Previous { get; }

    /// <summary>The snapshot after.</summary>
    public AccountSnapshot Current { get; }
}
