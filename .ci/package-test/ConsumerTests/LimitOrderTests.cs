using PackageConsumer;

namespace ConsumerTests;

public sealed class LimitOrderTests
{
    [Fact]
    public async Task A_limit_bid_placed_through_the_packages_rests_on_the_sandbox_book()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var order = await LimitOrderFlow.RunAsync(timeout.Token);

        Assert.Equal(("ETH", Lighter.Signing.Transactions.OrderSide.Buy, 0.5m, 2990.00m), (order.Symbol, order.Side, order.RemainingSize, order.Price));
        Assert.Matches("^(0x)?[0-9a-f]{64,}$", order.TxHash);
        Assert.Equal(1, order.SandboxTransactions);
    }
}
