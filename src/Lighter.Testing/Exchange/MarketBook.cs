namespace Lighter.Testing.Exchange;

/// <summary>
/// One market's resting orders in price-time priority: the best price first, and at one price the oldest
/// order first. Records which price levels changed so the WebSocket layer can publish deltas.
/// </summary>
internal sealed class MarketBook(SandboxMarket market)
{
    private readonly SortedDictionary<long, LinkedList<OrderState>> _bids = new(Comparer<long>.Create((a, b) => b.CompareTo(a)));
    private readonly SortedDictionary<long, LinkedList<OrderState>> _asks = new();
    private readonly HashSet<(bool IsAsk, long Price)> _touched = [];

    public SandboxMarket Market { get; } = market;

    /// <summary>The best resting order on one side, or null when that side is empty.</summary>
    public OrderState? Best(bool isAsk)
    {
        var side = Side(isAsk);
        foreach (var level in side.Values)
        {
            return level.First!.Value;
        }

        return null;
    }

    /// <summary>Puts an order at the back of its price level.</summary>
    public void Rest(OrderState order)
    {
        var side = Side(order.IsAsk);
        if (!side.TryGetValue(order.Price, out var level))
        {
            level = new LinkedList<OrderState>();
            side.Add(order.Price, level);
        }

        level.AddLast(order);
        _touched.Add((order.IsAsk, order.Price));
    }

    /// <summary>Takes an order out of the book (after a fill, a cancel or an expiry).</summary>
    public bool Remove(OrderState order)
    {
        var side = Side(order.IsAsk);
        if (!side.TryGetValue(order.Price, out var level) || !level.Remove(order))
        {
            return false;
        }

        if (level.Count == 0)
        {
            side.Remove(order.Price);
        }

        _touched.Add((order.IsAsk, order.Price));
        return true;
    }

    /// <summary>Records that a resting order's size changed in place (a partial fill).</summary>
    public void Touch(OrderState order) => _touched.Add((order.IsAsk, order.Price));

    /// <summary>All resting orders of one side, best first.</summary>
    public IEnumerable<OrderState> Orders(bool isAsk) => Side(isAsk).Values.SelectMany(level => level);

    /// <summary>Aggregated price levels of one side, best first: (price, total remaining size).</summary>
    public IEnumerable<(long Price, long Size)> Levels(bool isAsk) =>
        Side(isAsk).Select(level => (level.Key, level.Value.Sum(order => order.RemainingBase)));

    /// <summary>The total remaining size at one price (0 when the level is gone).</summary>
    public long LevelSize(bool isAsk, long price) =>
        Side(isAsk).TryGetValue(price, out var level) ? level.Sum(order => order.RemainingBase) : 0;

    /// <summary>The levels changed since the last call, with their new sizes (0 = the level is gone).</summary>
    public (List<(long Price, long Size)> Asks, List<(long Price, long Size)> Bids) DrainChanges()
    {
        var asks = new List<(long, long)>();
        var bids = new List<(long, long)>();
        foreach (var (isAsk, price) in _touched.OrderBy(t => t.Price))
        {
            (isAsk ? asks : bids).Add((price, LevelSize(isAsk, price)));
        }

        _touched.Clear();
        bids.Reverse();
        return (asks, bids);
    }

    private SortedDictionary<long, LinkedList<OrderState>> Side(bool isAsk) => isAsk ? _asks : _bids;
}
