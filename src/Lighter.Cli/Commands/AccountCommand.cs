using System.CommandLine;
using Lighter.Client.Models;
using Spectre.Console;

namespace Lighter.Cli.Commands;

/// <summary><c>lighter account</c>: an account's balances and positions.</summary>
internal static class AccountCommand
{
    public static Command Create()
    {
        var env = new EnvOptions(EnvParts.Rest | EnvParts.Json);
        var index = new Argument<string>("account") { Description = "Account index, or an L1 address (0x…) for all its accounts." };
        var command = new Command("account", "Show an account's collateral, available balance and positions (GET /api/v1/account). " + ExchangeCall.ExitSemantics)
        {
            index,
        };
        env.AddTo(command);
        command.SetAction((parse, cancellationToken) => ExchangeCall.GuardAsync(parse.InvocationConfiguration.Error, async () =>
        {
            var value = parse.GetValue(index)!.Trim();
            var by = value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? AccountBy.L1Address : AccountBy.Index;
            using var client = ExchangeCall.CreateClient(env.Resolve(parse));
            var accounts = await client.Account.AccountAsync(by, value, cancellationToken: cancellationToken).ConfigureAwait(false);
            var output = parse.InvocationConfiguration.Output;
            if (env.WantsJson(parse))
            {
                await output.WriteLineAsync(Cells.Json(accounts)).ConfigureAwait(false);
                return 0;
            }

            var console = CliConsole.Create(output);
            foreach (var account in accounts.Accounts)
            {
                console.Write(Summary(account));
                console.Write(Positions(account));
            }

            return 0;
        }));
        return command;
    }

    private static Table Summary(DetailedAccount account) =>
        new Table().AddColumns("account", "l1 address", "collateral", "available", "total value", "open orders")
            .AddRow(Cells.Text(account.Index), Cells.Text(account.L1Address), Cells.Text(account.Collateral), Cells.Text(account.AvailableBalance),
                Cells.Text(account.TotalAssetValue), Cells.Text(account.TotalOrderCount));

    private static Table Positions(DetailedAccount account)
    {
        var positions = new Table().AddColumns("market", "side", "size", "avg entry", "value", "unrealized PnL", "realized PnL");
        foreach (var p in account.Positions)
        {
            positions.AddRow(Cells.Text(p.Symbol), p.Sign < 0 ? "short" : "long", Cells.Text(p.Position), Cells.Text(p.AvgEntryPrice),
                Cells.Text(p.PositionValue), Cells.Text(p.UnrealizedPnl), Cells.Text(p.RealizedPnl));
        }

        return positions;
    }
}
