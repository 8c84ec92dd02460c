using Lighter.Signing.Transactions;
using MarketMaker;

namespace Lighter.Testing.Tests.Integration;

/// <summary>Quote prices: half the spread either side of the mid, rounded away from it so a quote is never tighter than asked.</summary>
public sealed class MarketMakerQuoteTargetTests
{
    [Theory]
    [InlineData(3002.45, 20, 2, 2999.44, 3005.46)] // 3002.45 ∓ 0.1 % = 2999.44755 / 3005.45245
    [InlineData(3000.00, 10, 2, 2998.50, 3001.50)] // exact: no rounding
    [InlineData(65000.00, 3, 1, 64990.2, 65009.8)] // 65000 ∓ 0.015 % = 64990.25 / 65009.75 on a 1-decimal market
    public void Bid_rounds_down_and_ask_rounds_up_to_the_markets_decimals(decimal mid, decimal spreadBps, int decimals, decimal bid, decimal ask)
    {
        Assert.Equal(bid, QuoteBot.Target(mid, OrderSide.Buy, spreadBps, decimals));
        Assert.Equal(ask, QuoteBot.Target(mid, OrderSide.Sell, spreadBps, decimals));
    }
}
