using System.Globalization;
using System.Text.Json;

namespace Quickstart;

/// <summary>The few REST reads the quickstart needs: markets, the next nonce, positions.</summary>
internal sealed class ExchangeReader(HttpClient http)
{
    public async Task<Market> GetMarketAsync(string symbol, CancellationToken cancellationToken)
    {
        using var body = await GetAsync("api/v1/orderBookDetails?filter=perp", cancellationToken).ConfigureAwait(false);
        var detail = body.RootElement.GetProperty("order_book_details").EnumerateArray()
            .FirstOrDefault(d => d.GetProperty("symbol").GetString() == symbol);
        return detail.ValueKind == JsonValueKind.Object
            ? Market.Parse(detail)
            : throw new InvalidOperationException($"The exchange lists no {symbol} perpetual.");
    }

    public async Task<long> GetNextNonceAsync(long accountIndex, int apiKeyIndex, CancellationToken cancellationToken)
    {
        using var body = await GetAsync(string.Create(CultureInfo.InvariantCulture,
            $"api/v1/nextNonce?account_index={accountIndex}&api_key_index={apiKeyIndex}"), cancellationToken).ConfigureAwait(false);
        return body.RootElement.GetProperty("nonce").GetInt64();
    }

    public async Task<List<PositionRow>> GetPositionsAsync(string owner, long accountIndex, CancellationToken cancellationToken)
    {
        using var body = await GetAsync(string.Create(CultureInfo.InvariantCulture, $"api/v1/account?by=index&value={accountIndex}"),
            cancellationToken).ConfigureAwait(false);
        var account = body.RootElement.GetProperty("accounts")[0];
        return account.GetProperty("positions").EnumerateArray()
            .Where(p => decimal.Parse(p.GetProperty("position").GetString()!, CultureInfo.InvariantCulture) != 0)
            .Select(p => new PositionRow(owner, p.GetProperty("symbol").GetString()!,
                (p.GetProperty("sign").GetInt32() < 0 ? "-" : "+") + p.GetProperty("position").GetString(),
                p.GetProperty("avg_entry_price").GetString()!, p.GetProperty("unrealized_pnl").GetString()!,
                account.GetProperty("collateral").GetString()!))
            .ToList();
    }

    private async Task<JsonDocument> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(text)
            : throw new HttpRequestException($"GET {path} answered {(int)response.StatusCode}: {text}");
    }
}

/// <summary>A position for the report.</summary>
internal sealed record PositionRow(string Owner, string Symbol, string Size, string AverageEntry, string UnrealizedPnl, string Collateral);
