namespace Lighter.Client.Tracking;

/// <summary>Where an account tracker's balances and positions come from.</summary>
internal interface IAccountFeed
{
    /// <summary>Collateral, available balance and positions, read over REST.</summary>
    Task<(decimal Collateral, decimal Available, IReadOnlyList<PositionSnapshot> Positions)> FetchAsync(CancellationToken cancellationToken);

    /// <summary>Subscribes to the account's stream; <paramref name="onChanged"/> runs on each frame (snapshot or update).</summary>
    Task<IAsyncDisposable> SubscribeAsync(Func<CancellationToken, Task> onChanged, CancellationToken cancellationToken);
}
