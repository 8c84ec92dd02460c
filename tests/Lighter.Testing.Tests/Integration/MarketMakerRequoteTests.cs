using System.Diagnostics;
using Lighter.Client;
using Lighter.Client.Tracking;
using Lighter.Signing;
using Lighter.Signing.Transactions;
using MarketMaker;
using Xunit.Abstractions;

namespace Lighter.Testing.Tests.Integration;

/// <summary>
/// The market-maker's requote path on the sandbox: a second account moves the book's mid twice (placing and lifting
/// orders inside the bot's spread, so nothing trades), and the bot must cancel its quotes and place new ones around
/// each new mid, exactly once per move, leaving nothing on the exchange that its tracker does not know.
/// </summary>
public sealed class MarketMakerRequoteTests(ITestOutputHelper output)
{
    private const short Market = 0; // ETH: prices with 2 decimals

    [Fact]
    public async Task A_mid_move_beyond_the_threshold_cancels_both_quotes_and_requotes_around_the_new_mid_once()
    {
        var clock = Stopwatch.StartNew();
        await using var sandbox = await LighterSandbox.StartAsync();
        using var botKey = LighterPrivateKey.Generate();
        using var moverKey = LighterPrivateKey.Generate();
        await using var bot = SandboxRun.NewClient(sandbox, botKey);
        await using var mover = SandboxRun.NewClient(sandbox, moverKey);
        // 20 bps wide: 10 bps (3.00 at 3000) each side; requote past 5 bps (1.50 at 3000).
        var options = new MakerOptions { MarketId = Market, Size = 0.1m, SpreadBps = 20m, RequoteBps = 5m, Taker = false };
        var probe = new MarketMakerRenderProbe();
        using var run = new CancellationTokenSource();
        var botRun = Task.Run(() => new QuoteBot(bot, options, SandboxRun.ReferenceMid, TimeProvider.System).RunAsync(probe.Render, run.Token));

        // Nobody else quotes yet: the bot quotes around its reference mid 3000.
        var first = await probe.QuotedAsync(2997.00m, 3003.00m, botRun);

        // Move 1, up: the mover's 3002.00 / 3002.90 sit inside the bot's spread, so the mid of the others is 3002.45
        // (2.45 = 8.2 bps away). 3002.45 ∓ 0.1 % = 2999.44755 / 3005.45245 → bid rounded down, ask rounded up.
        await mover.CreateLimitOrderAsync(Market, OrderSide.Sell, 0.1m, 3002.90m, clientOrderIndex: 1);
        await mover.CreateLimitOrderAsync(Market, OrderSide.Buy, 0.1m, 3002.00m, clientOrderIndex: 2);
        var second = await probe.QuotedAsync(2999.44m, 3005.46m, botRun, first.BidIndex, first.AskIndex);
        Assert.Equal(3002.45m, second.Mid);
        Assert.Equal(2, second.Requotes);
        await AssertCancelledAsync(bot, first.BidIndex, first.AskIndex);
        Assert.Equal([(second.BidIndex, 2999.44m), (second.AskIndex, 3005.46m)], await ActiveAsync(bot));

        // Move 2, down: the mover lifts its orders and quotes 2999.60 / 3000.40 (mid 3000.00, 8.2 bps below 3002.45).
        await mover.CancelOrderAsync(Market, 1);
        await mover.CancelOrderAsync(Market, 2);
        await mover.CreateLimitOrderAsync(Market, OrderSide.Buy, 0.1m, 2999.60m, clientOrderIndex: 3);
        await mover.CreateLimitOrderAsync(Market, OrderSide.Sell, 0.1m, 3000.40m, clientOrderIndex: 4);
        var third = await probe.QuotedAsync(2997.00m, 3003.00m, botRun, first.BidIndex, first.AskIndex);
        Assert.Equal(3000.00m, third.Mid);
        Assert.Equal(4, third.Requotes);
        await AssertCancelledAsync(bot, second.BidIndex, second.AskIndex);
        Assert.Equal([(third.BidIndex, 2997.00m), (third.AskIndex, 3003.00m)], await ActiveAsync(bot));

        await run.CancelAsync();
        var stats = await botRun;
        var elapsed = clock.Elapsed;

        // One placement per side at the start and one per requote: no double-quoting; nothing traded.
        Assert.Equal((3, 3, 4, 0, 0), (stats.BidsPlaced, stats.AsksPlaced, stats.Requotes, stats.Fills, stats.LeftOpen));
        // What the exchange executed for the bot, in order (C = create, X = cancel): both quotes; per move, each side's
        // old quote cancelled before its new one is placed (never two on a side, not even for a tick); the stop's cancels.
        var executed = sandbox.GetTransactions(bot.Options.AccountIndex!.Value)
            .Select(t => (TxType)t.TxType switch { TxType.CreateOrder => 'C', TxType.CancelOrder => 'X', _ => '?' });
        Assert.Equal("CC" + "XCXC" + "XCXC" + "XX", string.Concat(executed));
        // Nothing of the bot's rests, and every order the exchange has for it is one the tracker knows, cancelled.
        Assert.Empty(await ActiveAsync(bot));
        var inactive = await bot.Order.AccountInactiveOrdersAsync(bot.Options.AccountIndex!.Value, 50, Market);
        Assert.Equal(6, inactive.Items.Count);
        Assert.All(inactive.Items, o => Assert.Equal(OrderState.Cancelled, bot.Orders.FindByOrderIndex(o.OrderIndex)?.State));
        Assert.Empty(bot.Orders.OpenOrders);
        // The mover's quotes were never touched.
        Assert.Equal([(3L, 2999.60m), (4L, 3000.40m)], await ActiveAsync(mover));
        output.WriteLine($"requotes {stats.Requotes}, renders {probe.Renders}, {elapsed.TotalSeconds:F1} s");
    }

    private static async Task AssertCancelledAsync(LighterClient bot, params long[] clientIndices)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        foreach (var index in clientIndices)
            Assert.Equal(OrderState.Cancelled, (await bot.Orders.WaitForAsync(index, o => o.IsFinal, bound.Token)).State);
    }

    /// <summary>The account's resting orders on the exchange (REST), as (client order index, price), bid first.</summary>
    private static async Task<List<(long, decimal)>> ActiveAsync(LighterClient client)
    {
        var active = await client.Order.AccountActiveOrdersAsync(client.Options.AccountIndex!.Value, Market);
        return [.. active.Items.OrderBy(o => o.IsAsk).ThenBy(o => o.Price).Select(o => (o.ClientOrderIndex, o.Price))];
    }
}
