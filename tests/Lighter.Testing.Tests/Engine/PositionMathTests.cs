using Lighter.Testing.Exchange;

namespace Lighter.Testing.Tests.Engine;

public class PositionMathTests
{
    private static readonly SandboxMarket Eth = SandboxMarket.Eth;

    [Fact]
    public void Adding_to_a_position_averages_the_entry_price()
    {
        var position = new PositionState();

        PositionMath.ApplyFill(position, Eth, isBuy: true, size: 10_000, price: 300_000);
        PositionMath.ApplyFill(position, Eth, isBuy: true, size: 10_000, price: 310_000);

        Assert.Equal(20_000, position.Size);
        Assert.Equal(3050m, PositionMath.AverageEntry(position, Eth));
    }

    [Fact]
    public void Reducing_a_long_realizes_the_price_difference()
    {
        var position = new PositionState();
        PositionMath.ApplyFill(position, Eth, isBuy: true, size: 20_000, price: 300_000);

        var realized = PositionMath.ApplyFill(position, Eth, isBuy: false, size: 5_000, price: 320_000);

        // 0.5 ETH sold 200.00 above the 3000.00 entry
        Assert.Equal(100m, realized);
        Assert.Equal(15_000, position.Size);
        Assert.Equal(3000m, PositionMath.AverageEntry(position, Eth));
    }

    [Fact]
    public void Crossing_through_zero_opens_the_rest_at_the_trade_price()
    {
        var position = new PositionState();
        PositionMath.ApplyFill(position, Eth, isBuy: false, size: 10_000, price: 300_000);

        var realized = PositionMath.ApplyFill(position, Eth, isBuy: true, size: 30_000, price: 290_000);

        Assert.Equal(100m, realized);
        Assert.Equal(20_000, position.Size);
        Assert.Equal(2900m, PositionMath.AverageEntry(position, Eth));
    }

    [Fact]
    public void Unrealized_pnl_of_a_short_grows_when_the_price_falls()
    {
        var position = new PositionState();
        PositionMath.ApplyFill(position, Eth, isBuy: false, size: 20_000, price: 300_000);

        Assert.Equal(200m, PositionMath.Unrealized(position, Eth, 2900m));
        Assert.Equal(-200m, PositionMath.Unrealized(position, Eth, 3100m));
    }

    [Fact]
    public void Initial_margin_uses_the_fraction_in_hundredths_of_a_percent()
    {
        Assert.Equal(150m, PositionMath.InitialMargin(3000m, 500));
    }
}
