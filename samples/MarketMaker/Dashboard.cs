using System.Globalization;
using Lighter.Client.Tracking;
using Spectre.Console;

namespace MarketMaker;

/// <summary>Shows the bot's state: a redrawn Spectre table on a terminal, one plain progress line a second otherwise.</summary>
internal sealed class Dashboard(IAnsiConsole console, TimeProvider time)
{
    private DateTimeOffset _lastLine = DateTimeOffset.MinValue;
    private bool _announced;

    /// <summary>True when output goes to an interactive terminal that can redraw in place.</summary>
    public bool Live => console.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;

    public static Table Table(MakerStats s)
    {
        var table = new Table().Title("Market maker").AddColumns("Quote", "Price", "Size", "Filled", "State");
        table.AddRow(Row("bid", s.Bid));
        table.AddRow(Row("ask", s.Ask));
        table.Caption(string.Create(CultureInfo.InvariantCulture,
            $"mid {s.Mid:F2} · placed {s.BidsPlaced} bids / {s.AsksPlaced} asks · requotes {s.Requotes} · fills {s.Fills} · position {s.Position} · PnL {s.Pnl:F2}"));
        return table;
    }

    /// <summary>A "Quoting:" line once both quotes rest on the book, then the plain progress line at most once a second.</summary>
    public void Line(MakerStats s)
    {
        if (!_announced && Resting(s.Bid) && Resting(s.Ask))
        {
            _announced = true;
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Quoting: bid {s.Bid!.Price} ask {s.Ask!.Price} around mid {s.Mid:F2}; Ctrl+C cancels the quotes and stops."));
        }
        var now = time.GetUtcNow();
        if (now - _lastLine < TimeSpan.FromSeconds(1)) return;
        _lastLine = now;
        Console.Out.WriteLine(Summary(s)); // not Spectre: a log line must not wrap at its default width
    }

    public static string Summary(MakerStats s) => string.Create(CultureInfo.InvariantCulture,
        $"mid {s.Mid:F2} bid {s.Bid?.Price.ToString(CultureInfo.InvariantCulture) ?? "-"} ask {s.Ask?.Price.ToString(CultureInfo.InvariantCulture) ?? "-"} placed {s.BidsPlaced}/{s.AsksPlaced} requotes {s.Requotes} fills {s.Fills} position {s.Position} PnL {s.Pnl:F2}")
        + (s.LeftOpen is { } open ? string.Create(CultureInfo.InvariantCulture, $" open orders {open}") : "");

    private static bool Resting(TrackedOrder? o) => o is { State: OrderState.Open or OrderState.PartiallyFilled };

    private static string[] Row(string name, TrackedOrder? o) => o is null
        ? [name, "-", "-", "-", "-"]
        : [name, o.Price.ToString(CultureInfo.InvariantCulture), o.InitialSize.ToString(CultureInfo.InvariantCulture),
            o.FilledSize.ToString(CultureInfo.InvariantCulture), o.State.ToString()];
}
