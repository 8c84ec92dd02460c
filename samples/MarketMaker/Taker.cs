using Lighter.Client;
using Lighter.Signing.Transactions;

namespace MarketMaker;

/// <summary>A second sandbox account that sends a market order now and then, alternating sides, so the bot gets filled.</summary>
internal sealed class Taker(LighterClient client, short marketId, decimal size, Func<decimal> mid, TimeProvider time)
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(1500);

    public int Orders { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Every, time, cancellationToken);
                var side = Orders % 2 == 0 ? OrderSide.Buy : OrderSide.Sell;
                var worst = Math.Round(mid() * (side == OrderSide.Buy ? 1.01m : 0.99m), 2);
                await client.CreateMarketOrderAsync(marketId, side, size, worst, clientOrderIndex: ++Orders, cancellationToken: cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped with the bot.
        }
    }
}
