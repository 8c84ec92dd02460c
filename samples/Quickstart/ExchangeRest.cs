using System.Globalization;
using System.Text.Json;

namespace Quickstart;

/// <summary>The few REST calls the quickstart needs: markets, the next nonce, positions, sendTx.</summary>
internal sealed class ExchangeRest(HttpClient http)
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

    /// <summary>Sends a signed transaction as the form body the exchange expects; returns its hash.</summary>
    public async Task<string> SendTxAsync(int txType, string txInfo, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["tx_type"] = txType.ToString(CultureInfo.InvariantCulture),
            ["tx_info"] = txInfo,
        });
        using var response = await http.PostAsync("api/v1/sendTx", form, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        using var body = JsonDocument.Parse(text);
        return response.IsSuccessStatusCode && body.RootElement.GetProperty("code").GetInt32() == 200
            ? body.RootElement.GetProperty("tx_hash").GetString()!
            : throw new InvalidOperationException($"sendTx (type {txType}) rejected: {text}");
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
