using Lighter.Client.Tracking;
using MarketMaker;

namespace Lighter.Testing.Tests.Integration;

/// <summary>The bot's render callback as an event: waits complete on the first render whose stats match, no polling.</summary>
internal sealed class MarketMakerRenderProbe
{
    private readonly Lock _gate = new();
    private readonly List<(Func<MakerStats, bool> Condition, TaskCompletionSource<Seen> Done)> _waits = [];

    /// <summary>What a render showed (the stats object keeps changing after it).</summary>
    public sealed record Seen(long BidIndex, decimal BidPrice, long AskIndex, decimal AskPrice, decimal Mid, int Requotes);

    public int Renders { get; private set; }

    /// <summary>Passed to the bot as its render callback (called on the bot's loop, under its stats lock).</summary>
    public void Render(MakerStats stats)
    {
        lock (_gate)
        {
            Renders++;
            foreach (var (condition, done) in _waits.Where(w => !w.Done.Task.IsCompleted && w.Condition(stats)))
                done.TrySetResult(new Seen(stats.Bid!.ClientOrderIndex, stats.Bid.Price, stats.Ask!.ClientOrderIndex, stats.Ask.Price, stats.Mid, stats.Requotes));
        }
    }

    /// <summary>Waits for a render where both quotes rest at the given prices (and are not the excluded orders).</summary>
    public Task<Seen> QuotedAsync(decimal bid, decimal ask, Task botRun, params long[] notThese)
    {
        bool Matches(MakerStats s) =>
            s.Bid is { State: OrderState.Open } b && b.Price == bid && !notThese.Contains(b.ClientOrderIndex)
            && s.Ask is { State: OrderState.Open } a && a.Price == ask && !notThese.Contains(a.ClientOrderIndex);
        var done = new TaskCompletionSource<Seen>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate) _waits.Add((Matches, done));
        return WithinAsync(done.Task, botRun, $"quotes {bid} / {ask}");
    }

    /// <summary>Fails fast when the bot's run ends (e.g. it threw), and after a generous bound when the state never comes.</summary>
    private static async Task<Seen> WithinAsync(Task<Seen> wait, Task botRun, string what)
    {
        Task first;
        try
        {
            first = await Task.WhenAny(wait, botRun).WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The bot never showed {what} within 20 s.");
        }
        if (first == botRun)
        {
            await botRun; // surfaces the bot's exception
            throw new InvalidOperationException($"The bot stopped before showing {what}.");
        }
        return await wait;
    }
}
