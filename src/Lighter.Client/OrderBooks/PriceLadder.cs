namespace Lighter.Client.OrderBooks;

/// <summary>
/// One side of a book as a sorted array, stored worst price first and best price last so that changes near the
/// top of the book (the common case) move few elements.
/// </summary>
internal sealed class PriceLadder
{
    private readonly bool _storedDescending; // Asks: worst (highest) price first, so the array runs high to low.
    private PriceLevel[] _levels = new PriceLevel[128];

    public PriceLadder(bool isBidSide) => _storedDescending = !isBidSide;

    public int Count { get; private set; }

    public PriceLevel? Best => Count == 0 ? null : _levels[Count - 1];

    public void Clear() => Count = 0;

    /// <summary>Sets a level; a zero size removes it.</summary>
    public void Apply(in PriceLevel level)
    {
        var index = Find(level.Price);
        if (index >= 0)
        {
            if (level.Size == 0)
            {
                Array.Copy(_levels, index + 1, _levels, index, Count - index - 1);
                Count--;
            }
            else
            {
                _levels[index] = level;
            }

            return;
        }

        if (level.Size == 0)
        {
            return; // Deleting an absent level is a no-op on the exchange too.
        }

        var insertAt = ~index;
        if (Count == _levels.Length)
        {
            Array.Resize(ref _levels, _levels.Length * 2);
        }

        Array.Copy(_levels, insertAt, _levels, insertAt + 1, Count - insertAt);
        _levels[insertAt] = level;
        Count++;
    }

    /// <summary>Copies the best <paramref name="depth"/> levels, best first.</summary>
    public PriceLevel[] Top(int depth)
    {
        var n = Math.Min(depth, Count);
        var result = new PriceLevel[n];
        for (var i = 0; i < n; i++)
        {
            result[i] = _levels[Count - 1 - i];
        }

        return result;
    }

    /// <summary>Binary search in "worst first" order; returns the index or the complement of the insert point.</summary>
    private int Find(decimal price)
    {
        int lo = 0, hi = Count - 1;
        while (lo <= hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            var cmp = decimal.Compare(_levels[mid].Price, price);
            if (_storedDescending)
            {
                cmp = -cmp;
            }

            if (cmp == 0)
            {
                return mid;
            }

            if (cmp > 0)
            {
                hi = mid - 1;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return ~lo;
    }
}
