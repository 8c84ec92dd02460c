using System.Globalization;
using Lighter.Client.Streaming.Messages;
using Microsoft.Extensions.Logging;

namespace Lighter.Client.Tracking;

/// <summary>Balances and positions of the client's account: <c>account_all</c> as the change signal, <c>account</c> (REST) as the source.</summary>
internal sealed class ClientAccountFeed(LighterClient client, long account, ILogger logger) : IAccountFeed
{
    public async Task<(decimal Collateral, decimal Available, IReadOnlyList<PositionSnapshot> Positions)> FetchAsync(CancellationToken cancellationToken)
    {
        var accounts = await client.Account.AccountAsync(Models.AccountBy.Index, account.ToString(CultureInfo.InvariantCulture), cancellationToken: cancellationToken).ConfigureAwait(false);
        var detail = accounts.Accounts.FirstOrDefault(a => a.Index == account)
            ?? throw new LighterApiException($"The exchange returned no account {account}.");
        var positions = detail.Positions
            .Where(p => p.Position != 0)
            .Select(p => new PositionSnapshot(p.MarketId, p.Sign < 0 ? -p.Position : p.Position, p.AvgEntryPrice, p.UnrealizedPnl, p.AllocatedMargin))
            .OrderBy(p => p.MarketId)
            .ToArray();
        return (detail.Collateral, detail.AvailableBalance, positions);
    }

    public async Task<IAsyncDisposable> SubscribeAsync(Func<CancellationToken, Task> onChanged, CancellationToken cancellationToken)
    {
        var subscription = await client.Streams.SubscribeAsync(LighterChannels.AccountAll(account), cancellationToken).ConfigureAwait(false);
        return new StreamPump<AccountAllChannelMessage>(subscription, (_, ct) => onChanged(ct),
            ex => logger.LogWarning(ex, "Account state for account {Account}: stream or refresh failed", account));
    }
}
