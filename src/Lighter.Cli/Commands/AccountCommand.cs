using System.CommandLine;
using Spectre.Console;

namespace Lighter.Cli.Commands;

/// <summary><c>lighter account</c>: an account's balances and positions.</summary>
internal static class AccountCommand
{
    public static Command Create()
    {
        var env = new EnvOptions();
        var index = new Argument<string>("account") { Description = "Account index, or an L1 address (0x…) for all its accounts." };
        var command = new Command("account", "Show an account's collateral, available balance and positions (GET /api/v1/account). " + EnvHttp.ExitSemantics)
        {
            index,
        };
        env.AddTo(command);
        command.SetAction((parse, cancellationToken) => EnvHttp.GuardAsync(parse.InvocationConfiguration.Error, async () =>
        {
            var value = parse.GetValue(index)!.Trim();
            var by = value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? "l1_address" : "index";
            using var http = new EnvHttp(env.Resolve(parse).BaseUrl);
            using var body = await http.GetAsync($"api/v1/account?by={by}&value={Uri.EscapeDataString(value)}", null, cancellationToken).ConfigureAwait(false);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(env.Json))
            {
                await output.WriteLineAsync(body.RootElement.GetRawText()).ConfigureAwait(false);
                return 0;
            }

            var console = EnvHttp.Console(output);
            foreach (var account in body.RootElement.GetProperty("accounts").EnumerateArray())
            {
                var summary = new Table().AddColumns("account", "l1 address", "collateral", "available", "total value", "open orders");
                summary.AddRow(MarketsCommand.Raw(account, "index"), MarketsCommand.Raw(account, "l1_address"), MarketsCommand.Raw(account, "collateral"),
                    MarketsCommand.Raw(account, "available_balance"), MarketsCommand.Raw(account, "total_asset_value"),
                    MarketsCommand.Raw(account, "total_order_count"));
                console.Write(summary);
                var positions = new Table().AddColumns("market", "side", "size", "avg entry", "value", "unrealized PnL", "realized PnL");
                foreach (var p in account.GetProperty("positions").EnumerateArray())
                {
                    positions.AddRow(MarketsCommand.Raw(p, "symbol"), p.GetProperty("sign").GetInt32() < 0 ? "short" : "long", MarketsCommand.Raw(p, "position"),
                        MarketsCommand.Raw(p, "avg_entry_price"), MarketsCommand.Raw(p, "position_value"), MarketsCommand.Raw(p, "unrealized_pnl"),
                        MarketsCommand.Raw(p, "realized_pnl"));
                }

                console.Write(positions);
            }

            return 0;
        }));
        return command;
    }
}
