using System.Text.Json;
using Lighter.Client.Logging;
using Lighter.Client.Models;
using Lighter.Client.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lighter.Client.Markets;

/// <summary>
/// Market metadata (decimals, minimum size and value) from the generated <c>orderBookDetails</c> operation, cached for
/// a configurable time and refreshed on demand or when a market is unknown (a new listing).
/// </summary>
public sealed class MarketCatalog
{
    private readonly Func<CancellationToken, Task<OrderBookDetails>> _fetch;
    private readonly TimeProvider _time;
    private readonly TimeSpan _ttl;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Snapshot? _snapshot;

    /// <summary>Creates the catalog over the operation that lists the markets (the client's <c>Order.OrderBookDetailsAsync</c>).</summary>
    internal MarketCatalog(Func<CancellationToken, Task<OrderBookDetails>> fetch, TimeProvider timeProvider, TimeSpan ttl, ILogger? logger = null)
    {
        _fetch = fetch ?? throw new ArgumentNullException(nameof(fetch));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _ttl = ttl;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Returns a market's metadata, fetching when the cache is stale or the market is not in it.</summary>
    /// <exception cref="ArgumentException">The exchange does not list the market.</exception>
    public async ValueTask<MarketInfo> GetAsync(short marketId, CancellationToken cancellationToken = default) =>
        await FindAsync(markets => markets.GetValueOrDefault(marketId), cancellationToken).ConfigureAwait(false)
        ?? throw new ArgumentException($"Market {marketId} is not listed by the exchange.", nameof(marketId));

    /// <summary>Returns a market by its symbol (<c>ETH</c>, <c>ETH/USDC</c>; case-insensitive).</summary>
    /// <exception cref="ArgumentException">The exchange lists no market with that symbol.</exception>
    public async ValueTask<MarketInfo> GetAsync(string symbol, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        return await FindAsync(markets => markets.Values.FirstOrDefault(m => string.Equals(m.Symbol, symbol.Trim(), StringComparison.OrdinalIgnoreCase)), cancellationToken).ConfigureAwait(false)
            ?? throw new ArgumentException($"No market with symbol '{symbol}' is listed by the exchange.", nameof(symbol));
    }

    /// <summary>Fetches all markets now.</summary>
    /// <returns>The markets by id.</returns>
    public async Task<IReadOnlyDictionary<short, MarketInfo>> GetAllAsync(CancellationToken cancellationToken = default) =>
        (await RefreshAsync(cancellationToken).ConfigureAwait(false)).Markets;

    /// <summary>The markets of an <c>orderBookDetails</c> answer, perps and spot, by id.</summary>
    internal static Dictionary<short, MarketInfo> From(OrderBookDetails details)
    {
        var markets = new Dictionary<short, MarketInfo>();
        foreach (var m in details.Items)
        {
            markets[m.MarketId] = new MarketInfo(m.MarketId, m.Symbol, false, m.SizeDecimals, m.PriceDecimals, m.MinBaseAmount, m.MinQuoteAmount);
        }

        foreach (var m in details.SpotOrderBookDetails)
        {
            markets[m.MarketId] = new MarketInfo(m.MarketId, m.Symbol, true, m.SizeDecimals, m.PriceDecimals, m.MinBaseAmount, m.MinQuoteAmount);
        }

        return markets;
    }

    /// <summary>Reads an <c>orderBookDetails</c> body (tests and tools).</summary>
    internal static Dictionary<short, MarketInfo> Parse(ReadOnlySpan<byte> json) =>
        From(JsonSerializer.Deserialize(json, LighterJsonContext.Default.OrderBookDetails)
             ?? throw new JsonException("The orderBookDetails answer is null."));

    private async ValueTask<MarketInfo?> FindAsync(Func<Dictionary<short, MarketInfo>, MarketInfo?> find, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && _time.GetUtcNow() < snapshot.FreshUntil && find(snapshot.Markets) is { } cached)
        {
            return cached;
        }

        // Stale, or not listed in what we have (a new listing): ask again once.
        return find((await RefreshAsync(cancellationToken).ConfigureAwait(false)).Markets);
    }

    private async Task<Snapshot> RefreshAsync(CancellationToken cancellationToken)
    {
        var before = _snapshot;
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller refreshed while we waited.
            if (_snapshot is { } current && !ReferenceEquals(current, before)) return current;
            var markets = From(await _fetch(cancellationToken).ConfigureAwait(false));
            LighterLog.MarketsRefreshed(_logger, markets.Count);
            var snapshot = new Snapshot(markets, _time.GetUtcNow() + _ttl);
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private sealed record Snapshot(Dictionary<short, MarketInfo> Markets, DateTimeOffset FreshUntil);
}
