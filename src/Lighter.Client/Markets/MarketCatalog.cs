using System.Globalization;
using System.Text.Json;
using Lighter.Client.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lighter.Client.Markets;

/// <summary>
/// Market metadata (decimals, minimum size) from <c>orderBookDetails</c>, cached for a configurable time and
/// refreshed on demand or when a market is unknown (a new listing).
/// </summary>
public sealed class MarketCatalog
{
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly TimeSpan _ttl;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Snapshot? _snapshot;

    /// <summary>Creates the catalog.</summary>
    /// <param name="http">HTTP client running the Lighter pipeline.</param>
    /// <param name="timeProvider">Clock for freshness.</param>
    /// <param name="ttl">How long fetched metadata is trusted.</param>
    /// <param name="logger">Optional logger.</param>
    public MarketCatalog(HttpClient http, TimeProvider timeProvider, TimeSpan ttl, ILogger? logger = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _ttl = ttl;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Returns a market's metadata, fetching when the cache is stale or the market is not in it.</summary>
    /// <exception cref="ArgumentException">The exchange does not list the market.</exception>
    public async ValueTask<MarketInfo> GetAsync(short marketId, CancellationToken cancellationToken = default)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && _time.GetUtcNow() < snapshot.FreshUntil && snapshot.Markets.TryGetValue(marketId, out var cached))
        {
            return cached;
        }

        snapshot = await RefreshAsync(cancellationToken).ConfigureAwait(false);
        return snapshot.Markets.TryGetValue(marketId, out var market)
            ? market
            : throw new ArgumentException($"Market {marketId} is not listed by the exchange.", nameof(marketId));
    }

    /// <summary>Fetches all markets now.</summary>
    /// <returns>The markets by id.</returns>
    public async Task<IReadOnlyDictionary<short, MarketInfo>> GetAllAsync(CancellationToken cancellationToken = default) =>
        (await RefreshAsync(cancellationToken).ConfigureAwait(false)).Markets;

    private async Task<Snapshot> RefreshAsync(CancellationToken cancellationToken)
    {
        var before = _snapshot;
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller refreshed while we waited.
            if (_snapshot is { } current && !ReferenceEquals(current, before)) return current;
            using var response = await _http.GetAsync("api/v1/orderBookDetails", cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var markets = Parse(body);
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

    internal static Dictionary<short, MarketInfo> Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        var markets = new Dictionary<short, MarketInfo>();
        foreach (var (property, isSpot) in new[] { ("order_book_details", false), ("spot_order_book_details", true) })
        {
            if (!document.RootElement.TryGetProperty(property, out var list) || list.ValueKind != JsonValueKind.Array) continue;
            foreach (var item in list.EnumerateArray())
            {
                var id = item.GetProperty("market_id").GetInt16();
                markets[id] = new MarketInfo(
                    id,
                    item.TryGetProperty("symbol", out var symbol) ? symbol.GetString() ?? string.Empty : string.Empty,
                    isSpot,
                    item.GetProperty("size_decimals").GetInt32(),
                    item.GetProperty("price_decimals").GetInt32(),
                    item.TryGetProperty("min_base_amount", out var min) && min.ValueKind == JsonValueKind.String
                        ? decimal.Parse(min.GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture)
                        : 0m);
            }
        }

        return markets;
    }

    private sealed record Snapshot(Dictionary<short, MarketInfo> Markets, DateTimeOffset FreshUntil);
}
