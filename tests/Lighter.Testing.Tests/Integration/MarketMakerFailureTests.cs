using Lighter.Client;
using Lighter.Signing;
using MarketMaker;

namespace Lighter.Testing.Tests.Integration;

/// <summary>A run the exchange refuses ends with the refusal, but not before the quote already resting is cancelled.</summary>
public sealed class MarketMakerFailureTests
{
    [Fact]
    public async Task A_refused_quote_ends_the_run_with_the_exchanges_error_and_cancels_the_quote_already_resting()
    {
        await using var sandbox = await LighterSandbox.StartAsync();
        using var key = LighterPrivateKey.Generate();
        // 20 USDC at 5 % initial margin: the 0.1 ETH bid (about 15 USDC of margin) fits, the ask after it does not.
        await using var bot = SandboxRun.NewClient(sandbox, key, usdc: 20m);
        var options = new MakerOptions { MarketId = 0, Size = 0.1m, SpreadBps = 20m, Taker = false };
        using var run = new CancellationTokenSource(TimeSpan.FromSeconds(30)); // a bound only: the refusal comes first

        var refused = await Assert.ThrowsAsync<LighterSubmissionException>(
            () => new QuoteBot(bot, options, SandboxRun.ReferenceMid, TimeProvider.System).RunAsync(_ => { }, run.Token));

        Assert.Equal(SandboxErrorCodes.NotEnoughOrderMargin, refused.Code);
        Assert.False(run.IsCancellationRequested);
        var bid = Assert.Single(bot.Orders.Orders);
        Assert.Equal((Signing.Transactions.OrderSide.Buy, 2997.00m, Client.Tracking.OrderState.Cancelled), (bid.Side, bid.Price, bid.State));
        var active = await bot.Order.AccountActiveOrdersAsync(bot.Options.AccountIndex!.Value, 0);
        Assert.Empty(active.Items);
    }
}
