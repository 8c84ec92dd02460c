using System.CommandLine;
using Lighter.Client.Models;
using Spectre.Console;

namespace Lighter.Cli.Commands;

/// <summary><c>lighter markets</c>: the exchange's markets with their precision and minimums.</summary>
internal static class MarketsCommand
{
    public static Command Create()
    {
        var env = new EnvOptions(EnvParts.Rest | EnvParts.Json);
        var command = new Command("markets", "List markets (GET /api/v1/orderBookDetails): size and price decimals, minimums, last price. " + ExchangeCall.ExitSemantics);
        env.AddTo(command);
        command.SetAction((parse, cancellationToken) => ExchangeCall.GuardAsync(parse.InvocationConfiguration.Error, async () =>
        {
            using var client = ExchangeCall.CreateClient(env.Resolve(parse));
            var details = await client.Order.OrderBookDetailsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var output = parse.InvocationConfiguration.Output;
            if (env.WantsJson(parse))
            {
                await output.WriteLineAsync(Cells.Json(details)).ConfigureAwait(false);
                return 0;
            }

            CliConsole.Create(output).Write(Table(details));
            return 0;
        }));
        return command;
    }

    private static Table Table(OrderBookDetails details)
    {
        var table = new Table().AddColumns("id", "symbol", "type", "size decimals", "price decimals", "min size", "min value", "last price");
        foreach (var m in details.Items)
        {
            table.AddRow(Cells.Text(m.MarketId), Cells.Text(m.Symbol), Cells.Wire(m.MarketType), Cells.Text(m.SizeDecimals), Cells.Text(m.PriceDecimals),
                Cells.Text(m.MinBaseAmount), Cells.Text(m.MinQuoteAmount), Cells.Text(m.LastTradePrice));
        }

        foreach (var m in details.SpotOrderBookDetails)
        {
            table.AddRow(Cells.Text(m.MarketId), Cells.Text(m.Symbol), Cells.Wire(m.MarketType), Cells.Text(m.SizeDecimals), Cells.Text(m.PriceDecimals),
                Cells.Text(m.MinBaseAmount), Cells.Text(m.MinQuoteAmount), Cells.Text(m.LastTradePrice));
        }

        return table;
    }
}
