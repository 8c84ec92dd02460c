using System.Globalization;
using Lighter.Client.OrderBooks;
using Spectre.Console;

namespace Quickstart;

/// <summary>Prints what happened as tables.</summary>
internal static class Report
{
    public static void Header(IAnsiConsole console, string title, string detail) =>
        console.Write(new Rule($"[bold]{Markup.Escape(title)}[/] [grey]{Markup.Escape(detail)}[/]").LeftJustified());

    public static void Step(IAnsiConsole console, string text) => console.MarkupLine($"[green]>[/] {Markup.Escape(text)}");

    public static void Orders(IAnsiConsole console, IEnumerable<PlacedOrder> orders)
    {
        var table = new Table().Title("Orders placed").AddColumns("trader", "client id", "type", "side", "size", "price", "tx hash");
        foreach (var o in orders)
        {
            table.AddRow(o.Trader, Text(o.ClientOrderIndex), o.Type, o.Side, Text(o.Size), Text(o.Price), o.TxHash[..16] + "…");
        }

        console.Write(table);
    }

    public static void Fills(IAnsiConsole console, IEnumerable<FillRow> fills)
    {
        var table = new Table().Title("Fills (streamed on account_all)").AddColumns("trade", "account", "side", "size", "price");
        foreach (var f in fills)
        {
            table.AddRow(Text(f.TradeId), f.Owner, f.Side, Text(f.Size), Text(f.Price));
        }

        console.Write(table);
    }

    public static void Book(IAnsiConsole console, Market market, OrderBookSnapshot snapshot, int updates)
    {
        var table = new Table().Title($"{market.Symbol} order book (local copy from {updates} stream messages)")
            .AddColumns("bid size", "bid", "ask", "ask size");
        for (var i = 0; i < Math.Max(snapshot.Bids.Count, snapshot.Asks.Count); i++)
        {
            var bid = i < snapshot.Bids.Count ? snapshot.Bids[i] : (PriceLevel?)null;
            var ask = i < snapshot.Asks.Count ? snapshot.Asks[i] : (PriceLevel?)null;
            table.AddRow(bid?.SizeText ?? "", bid?.PriceText ?? "", ask?.PriceText ?? "", ask?.SizeText ?? "");
        }

        console.Write(table);
    }

    public static void Positions(IAnsiConsole console, IEnumerable<PositionRow> positions)
    {
        var table = new Table().Title("Positions after the cancels").AddColumns("account", "market", "size", "avg entry", "unrealized PnL", "collateral");
        foreach (var p in positions)
        {
            table.AddRow(p.Owner, p.Symbol, p.Size, p.AverageEntry, p.UnrealizedPnl, p.Collateral);
        }

        console.Write(table);
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
