using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Lighter.Signing.Transactions;
using Spectre.Console;

namespace Lighter.Cli.Commands;

/// <summary>
/// <c>lighter order create|cancel|list</c> through <see cref="Client.LighterClient"/>: the API key is read from an
/// environment variable (or stdin); the client scales sizes and prices with the market's decimals, takes the next
/// nonce from the exchange, signs and sends over REST.
/// </summary>
internal static class OrderCommand
{
    public static Command Create()
    {
        var command = new Command("order", "Create, cancel and list orders. " + ExchangeCall.ExitSemantics);
        command.Subcommands.Add(CreateOrderCommand());
        command.Subcommands.Add(CancelOrderCommand());
        command.Subcommands.Add(ListOrdersCommand());
        return command;
    }

    private static Command CreateOrderCommand()
    {
        var o = new OrderOptions();
        var side = new Option<string>("--side") { Description = "buy or sell.", Required = true };
        var size = new Option<decimal>("--size") { Description = "Size in base units, e.g. 0.1 (at most the market's size decimals).", Required = true };
        var price = new Option<decimal>("--price") { Description = "Limit price; for --type market the worst price accepted.", Required = true };
        var type = new Option<string>("--type") { Description = "limit or market.", DefaultValueFactory = _ => "limit" };
        var tif = new Option<string?>("--tif") { Description = "gtt, ioc or post-only (default: gtt for limit, ioc for market)." };
        var clientIndex = new Option<long?>("--client-order-index") { Description = "Your id for the order (default: the current Unix milliseconds)." };
        var reduceOnly = new Option<bool>("--reduce-only") { Description = "Only reduce a position." };
        var command = new Command("create", "Sign and send a CreateOrder transaction.") { side, size, price, type, tif, clientIndex, reduceOnly };
        o.AddTo(command);
        command.SetAction((parse, cancellationToken) => ExchangeCall.GuardAsync(parse.InvocationConfiguration.Error, async () =>
        {
            var isMarket = ParseChoice(parse.GetValue(type)!, "--type", "limit", "market") == "market";
            var timeInForce = ParseChoice(parse.GetValue(tif) ?? (isMarket ? "ioc" : "gtt"), "--tif", "gtt", "ioc", "post-only") switch
            {
                "ioc" => OrderTimeInForce.ImmediateOrCancel,
                "post-only" => OrderTimeInForce.PostOnly,
                _ => OrderTimeInForce.GoodTillTime,
            };
            var market = parse.GetValue(o.Market) ?? 0;
            var orderSide = ParseChoice(parse.GetValue(side)!, "--side", "buy", "sell") == "sell" ? OrderSide.Sell : OrderSide.Buy;
            var index = parse.GetValue(clientIndex) ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            using var session = OrderSession.Open(o, parse);
            var submission = isMarket
                ? await session.Client.CreateMarketOrderAsync(market, orderSide, parse.GetValue(size), parse.GetValue(price), parse.GetValue(reduceOnly), index,
                    cancellationToken).ConfigureAwait(false)
                : await session.Client.CreateLimitOrderAsync(market, orderSide, parse.GetValue(size), parse.GetValue(price), timeInForce, parse.GetValue(reduceOnly),
                    clientOrderIndex: index, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await session.PrintAsync("CreateOrder", submission, index).ConfigureAwait(false);
        }));
        return command;
    }

    private static Command CancelOrderCommand()
    {
        var o = new OrderOptions();
        var index = new Option<long>("--index") { Description = "The client order index, or the exchange's order index (≥ 2^48).", Required = true };
        var command = new Command("cancel", "Sign and send a CancelOrder transaction.") { index };
        o.AddTo(command);
        command.SetAction((parse, cancellationToken) => ExchangeCall.GuardAsync(parse.InvocationConfiguration.Error, async () =>
        {
            using var session = OrderSession.Open(o, parse);
            var submission = await session.Client.CancelOrderAsync(session.Market, parse.GetValue(index), cancellationToken).ConfigureAwait(false);
            return await session.PrintAsync("CancelOrder", submission, parse.GetValue(index)).ConfigureAwait(false);
        }));
        return command;
    }

    private static Command ListOrdersCommand()
    {
        var o = new OrderOptions(marketRequired: false);
        var command = new Command("list", "List the account's open orders (GET /api/v1/accountActiveOrders, with an auth token).");
        o.AddTo(command);
        command.SetAction((parse, cancellationToken) => ExchangeCall.GuardAsync(parse.InvocationConfiguration.Error, async () =>
        {
            using var session = OrderSession.Open(o, parse);
            var orders = await session.ActiveOrdersAsync(cancellationToken).ConfigureAwait(false);
            var output = parse.InvocationConfiguration.Output;
            if (o.Env.WantsJson(parse))
            {
                await output.WriteLineAsync(Cells.Json(orders)).ConfigureAwait(false);
                return 0;
            }

            var table = new Table().AddColumns("order index", "client id", "market", "side", "type", "price", "remaining", "filled", "status");
            foreach (var order in orders.Items)
            {
                table.AddRow(Cells.Text(order.OrderIndex), Cells.Text(order.ClientOrderIndex), Cells.Text(order.MarketIndex), Cells.Text(order.Side),
                    Cells.Wire(order.Type), Cells.Text(order.Price), Cells.Text(order.RemainingBaseAmount), Cells.Text(order.FilledBaseAmount),
                    Cells.Wire(order.Status));
            }

            CliConsole.Create(output).Write(table);
            return 0;
        }));
        return command;
    }

    private static string ParseChoice(string value, string option, params string[] choices) =>
        choices.FirstOrDefault(c => string.Equals(c, value.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"{option} must be one of {string.Join(", ", choices)}, not '{value}'.");
}
