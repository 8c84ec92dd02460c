using Lighter.Client;
using Lighter.Client.Markets;
using Lighter.Client.Tracking;
using Lighter.Signing.Transactions;

namespace MarketMaker;

/// <summary>
/// Keeps one bid and one ask around the mid of a market's book, requoting when the mid moves more than the threshold;
/// the order tracker is the only source of what is resting, so a reconnect (which reconciles it) cannot double-quote.
/// </summary>
internal sealed class QuoteBot(LighterClient client, MakerOptions options, decimal referenceMid, TimeProvider time)
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);
    private long _nextClientIndex = time.GetUtcNow().ToUnixTimeMilliseconds() % 1_000_000_000L * 10;
    private long? _bidId;
    private long? _askId;

    public MakerStats Stats { get; } = new();

    /// <summary>Quotes until <paramref name="cancellationToken"/> fires, then cancels every open quote and returns the stats.</summary>
    public async Task<MakerStats> RunAsync(Action<MakerStats> render, CancellationToken cancellationToken)
    {
        var market = await client.Markets.GetAsync(options.MarketId, CancellationToken.None);
        await client.Orders.StartAsync(cancellationToken);
        client.Orders.OrderChanged += (_, e) => { lock (Stats) Stats.Observe(e.Current); };
        await using var book = await client.Streams.SubscribeOrderBookAsync(options.MarketId, cancellationToken);
        Stats.Mid = referenceMid;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var best = (book.Book.BestBid, book.Book.BestAsk);
                if (best is ({ } bid, { } ask)) Stats.Mid = (bid.Price + ask.Price) / 2;
                _bidId = await KeepQuoteAsync(market, OrderSide.Buy, _bidId, cancellationToken);
                _askId = await KeepQuoteAsync(market, OrderSide.Sell, _askId, cancellationToken);
                lock (Stats) render(Stats);
                await Task.Delay(Tick, time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C, SIGTERM or --duration: fall through to the clean stop.
        }
        await CancelAllQuotesAsync();
        lock (Stats) render(Stats);
        return Stats;
    }

    private async Task<long?> KeepQuoteAsync(MarketInfo market, OrderSide side, long? current, CancellationToken cancellationToken)
    {
        var target = Round(Stats.Mid * (1 + (side == OrderSide.Buy ? -1 : 1) * options.SpreadBps / 20_000m), market.PriceDecimals);
        var mine = client.Orders.OpenOrders.Where(o => o.MarketId == options.MarketId && o.Side == side).ToList();
        // At most one quote a side: anything beyond the newest (e.g. found by a reconcile) is cancelled.
        foreach (var extra in mine.Where(o => o.ClientOrderIndex != current))
            await CancelAsync(extra, cancellationToken);
        var quote = current is { } id ? client.Orders.FindByClientOrderIndex(id) : null;
        if (side == OrderSide.Buy) Stats.Bid = quote; else Stats.Ask = quote;
        if (current is not null && quote is null) return current; // submitted, not seen yet: never quote twice
        if (quote is { IsFinal: false })
        {
            if (Math.Abs(quote.Price - target) * 10_000m <= options.RequoteBps * Stats.Mid) return current;
            await CancelAsync(quote, cancellationToken);
            Stats.Requotes++;
        }
        var clientIndex = Interlocked.Increment(ref _nextClientIndex);
        await client.CreateLimitOrderAsync(options.MarketId, side, options.Size, target, clientOrderIndex: clientIndex, cancellationToken: cancellationToken);
        if (side == OrderSide.Buy) Stats.BidsPlaced++; else Stats.AsksPlaced++;
        return clientIndex;
    }

    private Task CancelAsync(TrackedOrder order, CancellationToken cancellationToken) =>
        client.CancelOrderAsync(order.MarketId, order.OrderIndex ?? order.ClientOrderIndex, cancellationToken);

    private async Task CancelAllQuotesAsync()
    {
        // The run token has fired: the stop gets its own bound so a dead exchange cannot hang the exit.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10), time);
        foreach (var order in client.Orders.OpenOrders.Where(o => o.MarketId == options.MarketId))
        {
            await CancelAsync(order, stop.Token);
            await client.Orders.WaitForAsync(order.ClientOrderIndex, o => o.IsFinal, stop.Token);
        }
        Stats.Bid = Stats.Bid is null ? null : client.Orders.FindByClientOrderIndex(Stats.Bid.ClientOrderIndex);
        Stats.Ask = Stats.Ask is null ? null : client.Orders.FindByClientOrderIndex(Stats.Ask.ClientOrderIndex);
    }

    private static decimal Round(decimal price, int decimals) => Math.Round(price, decimals, MidpointRounding.ToZero);
}
