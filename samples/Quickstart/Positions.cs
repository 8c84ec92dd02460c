using System.Globalization;
using Lighter.Client;
using Lighter.Client.Api;
using Lighter.Client.Markets;
using Lighter.Client.Models;

namespace Quickstart;

/// <summary>An account's open positions, read with the SDK's generated <see cref="IAccountApi"/> (<c>client.Account</c>).</summary>
internal static class Positions
{
    public static async Task<List<PositionRow>> ReadAsync(string owner, LighterClient client, MarketInfo market, CancellationToken cancellationToken)
    {
        var accountIndex = client.Options.AccountIndex!.Value.ToString(CultureInfo.InvariantCulture);
        var account = (await client.Account.AccountAsync(AccountBy.Index, accountIndex, cancellationToken: cancellationToken)).Accounts[0];
        return [.. account.Positions
            .Where(p => p.Position != 0 && p.MarketId == market.MarketId)
            .Select(p => new PositionRow(owner, p.Symbol,
                (p.Sign < 0 ? "-" : "+") + Fixed(p.Position, market.SizeDecimals),
                Fixed(p.AvgEntryPrice, market.PriceDecimals),
                p.UnrealizedPnl.ToString(CultureInfo.InvariantCulture),
                account.Collateral.ToString(CultureInfo.InvariantCulture)))];
    }

    private static string Fixed(decimal value, int decimals) =>
        decimal.Round(value, decimals, MidpointRounding.ToZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}

/// <summary>A position for the report.</summary>
internal sealed record PositionRow(string Owner, string Symbol, string Size, string AverageEntry, string UnrealizedPnl, string Collateral);
