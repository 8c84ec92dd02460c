using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace Lighter.Cli.Commands;

/// <summary><c>lighter markets</c>: the exchange's markets with their precision and minimums.</summary>
internal static class MarketsCommand
{
    public static Command Create()
    {
        var env = new EnvOptions();
        var command = new Command("markets", "List markets (GET /api/v1/orderBookDetails): size and price decimals, minimums, last price. " + EnvHttp.ExitSemantics);
        env.AddTo(command);
        command.SetAction((parse, cancellationToken) => EnvHttp.GuardAsync(parse.InvocationConfiguration.Error, async () =>
        {
            using var http = new EnvHttp(env.Resolve(parse).BaseUrl);
            using var body = await http.GetAsync("api/v1/orderBookDetails", null, cancellationToken).ConfigureAwait(false);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(env.Json))
            {
                await output.WriteLineAsync(body.RootElement.GetRawText()).ConfigureAwait(false);
                return 0;
            }

            var table = new Table().AddColumns("id", "symbol", "type", "size decimals", "price decimals", "min size", "min value", "last price");
            foreach (var list in new[] { "order_book_details", "spot_order_book_details" })
            {
                foreach (var m in body.RootElement.GetProperty(list).EnumerateArray())
                {
                    table.AddRow(Raw(m, "market_id"), Raw(m, "symbol"), Raw(m, "market_type"), Raw(m, "size_decimals"), Raw(m, "price_decimals"),
                        Raw(m, "min_base_amount"), Raw(m, "min_quote_amount"), Raw(m, "last_trade_price"));
                }
            }

            EnvHttp.Console(output).Write(table);
            return 0;
        }));
        return command;
    }

    /// <summary>A property as text (strings unquoted), empty when absent.</summary>
    internal static string Raw(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) ? ""
        : value.ValueKind == JsonValueKind.String ? Markup.Escape(value.GetString()!)
        : value.GetRawText();
}
