using Lighter.Client;
using Lighter.Client.Markets;
using Lighter.Client.Tracking;
using Lighter.Signing.Transactions;

namespace MarketMaker;

/// <summary>
/// Keeps one bid and one ask around the mid of a market's book, requoting (cancel, then place) when the mid moves more
/// than the threshold; the order tracker is the only source of what is resting, so a reconnect (which reconciles it)
/// cannot double-quote.
/// </summary>
internal sealed class QuoteBot(LighterClient client, MakerOptions options, decimal referenceMid, TimeProvider time)
{
    /// <summary>The exchange's code for cancelling an order that is no longer active (filled or cancelled meanwhile).</summary>
    private const int InactiveOrderCode = 21600;

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);
    private long _nextClientIndex = time.GetUtcNow().ToUnixTimeMilliseconds() % 1_000_000_000L * 10;
    private readonly HashSet<long> _cancelSent = [];
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
                if (BookMid.OfOthers(book.Book.GetSnapshot(), client.Orders.OpenOrders) is { } mid) Stats.Mid = mid;
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
        catch (Exception failure) when (failure is LighterApiException or HttpRequestException)
        {
            // A failed run must not leave quotes resting either; when they cannot be cancelled, the error says so too.
            try
            {
                await CancelAllQuotesAsync();
            }
            catch (Exception cleanup) when (cleanup is LighterApiException or HttpRequestException or InvalidOperationException)
            {
                throw new InvalidOperationException($"{failure.Message} Cancelling the open quotes failed too: {cleanup.Message}", failure);
            }
            throw;
        }
        await CancelAllQuotesAsync();
        lock (Stats) render(Stats);
        return Stats;
    }

    /// <summary>The bid (or ask) target for the current mid: half the spread away, rounded away from the mid.</summary>
    public static decimal Target(decimal mid, OrderSide side, decimal spreadBps, int priceDecimals) => side == OrderSide.Buy
        ? Math.Round(mid * (1 - spreadBps / 20_000m), priceDecimals, MidpointRounding.ToNegativeInfinity)
        : Math.Round(mid * (1 + spreadBps / 20_000m), priceDecimals, MidpointRounding.ToPositiveInfinity);

    private async Task<long?> KeepQuoteAsync(MarketInfo market, OrderSide side, long? current, CancellationToken cancellationToken)
    {
        var target = Target(Stats.Mid, side, options.SpreadBps, market.PriceDecimals);
        var mine = client.Orders.OpenOrders.Where(o => o.MarketId == options.MarketId && o.Side == side).ToList();
        // At most one quote a side: anything beyond the current one (e.g. found by a reconcile) is cancelled.
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

    /// <summary>
    /// Cancels once: the tracker shows the order open until the exchange's update arrives, and a second cancel of it
    /// would be refused. A refusal because the order is no longer active (a fill won the race) is not an error.
    /// </summary>
    private async Task CancelAsync(TrackedOrder order, CancellationToken cancellationToken)
    {
        if (_cancelSent.Contains(order.ClientOrderIndex)) return;
        try
        {
            await client.CancelOrderAsync(order.MarketId, order.OrderIndex ?? order.ClientOrderIndex, cancellationToken);
        }
        catch (LighterApiException e) when (e.Code == InactiveOrderCode)
        {
            // Filled or cancelled before the cancel landed: the tracker will show which.
        }
        _cancelSent.Add(order.ClientOrderIndex); // only once it landed: a cancel that failed is tried again on the stop
    }

    private async Task CancelAllQuotesAsync()
    {
        // The run token has fired: the stop gets its own bound so a dead exchange cannot hang the exit.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10), time);
        try
        {
            foreach (var order in client.Orders.OpenOrders.Where(o => o.MarketId == options.MarketId))
            {
                await CancelAsync(order, stop.Token);
                await client.Orders.WaitForAsync(order.ClientOrderIndex, o => o.IsFinal, stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            throw new InvalidOperationException("The exchange did not confirm the cancels within 10 s; quotes may still be open.");
        }
        Stats.Bid = Stats.Bid is null ? null : client.Orders.FindByClientOrderIndex(Stats.Bid.ClientOrderIndex);
        Stats.Ask = Stats.Ask is null ? null : client.Orders.FindByClientOrderIndex(Stats.Ask.ClientOrderIndex);
        Stats.LeftOpen = client.Orders.OpenOrders.Count(o => o.MarketId == options.MarketId);
    }
}
