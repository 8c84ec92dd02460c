using System.Globalization;
using Lighter.Client.Markets;
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

    /// <summary>The top of a book: (price, size) wire strings per side, best first.</summary>
    public static void Book(IAnsiConsole console, MarketInfo market, IReadOnlyList<(string Price, string Size)> bids,
        IReadOnlyList<(string Price, string Size)> asks, int updates)
    {
        var table = new Table().Title($"{market.Symbol} order book (local copy from {updates} stream messages)")
            .AddColumns("bid size", "bid", "ask", "ask size");
        for (var i = 0; i < Math.Max(bids.Count, asks.Count); i++)
        {
            var (bidPrice, bidSize) = i < bids.Count ? bids[i] : ("", "");
            var (askPrice, askSize) = i < asks.Count ? asks[i] : ("", "");
            table.AddRow(bidSize, bidPrice, askPrice, askSize);
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
