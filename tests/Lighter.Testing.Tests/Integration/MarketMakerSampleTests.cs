using Lighter.Client.Tracking;
using MarketMaker;

namespace Lighter.Testing.Tests.Integration;

/// <summary>The market-maker sample run in-process on the sandbox for about ten seconds, with a WebSocket drop midway.</summary>
public sealed class MarketMakerSampleTests
{
    [Fact]
    public async Task Bot_quotes_both_sides_gets_filled_survives_a_drop_and_leaves_no_unknown_or_open_orders()
    {
        await using var sandbox = await LighterSandbox.StartAsync();
        var options = new MakerOptions { MarketId = 0, Size = 0.2m, SpreadBps = 10m, RequoteBps = 5m, Taker = true };
        var renders = 0;
        using var run = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        // The drop is a fault injected while the bot runs; the bot must neither double-quote nor lose track.
        using var drop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        using var dropped = drop.Token.Register(() => sandbox.Faults.DropWebSockets());
        IReadOnlyList<long> exchangeOpen = [];
        IReadOnlyList<TrackedOrder> trackedOpen = [];
        IReadOnlyList<long> unknown = [];

        var stats = await SandboxRun.RunAsync(sandbox, options, _ => renders++, TimeProvider.System, async bot =>
        {
            var active = await bot.Order.AccountActiveOrdersAsync(bot.Options.AccountIndex!.Value, cancellationToken: CancellationToken.None);
            exchangeOpen = [.. active.Items.Select(o => o.ClientOrderIndex)];
            unknown = [.. active.Items.Where(o => bot.Orders.FindByOrderIndex(o.OrderIndex) is null).Select(o => o.OrderIndex)];
            trackedOpen = bot.Orders.OpenOrders;
        }, run.Token);

        Assert.True(stats.BidsPlaced > 0, "no bid was placed");
        Assert.True(stats.AsksPlaced > 0, "no ask was placed");
        Assert.True(stats.Fills > 0, "the taker never filled the bot");
        Assert.True(renders > 10, $"the dashboard was refreshed only {renders} times");
        // A quote is replaced only after a fill or a requote: more placements would mean double-quoting (e.g. after the drop).
        Assert.True(stats.BidsPlaced + stats.AsksPlaced <= 2 + stats.Fills + stats.Requotes,
            $"placed {stats.BidsPlaced}/{stats.AsksPlaced} with {stats.Fills} fills and {stats.Requotes} requotes");
        Assert.Empty(unknown);
        Assert.Empty(exchangeOpen);
        Assert.Empty(trackedOpen);
    }
}
