using System.Text.Json;
using Lighter.Client.Streaming;

namespace Quickstart;

/// <summary>An account's fills as they arrive on its <c>account_all</c> WebSocket channel.</summary>
internal sealed class FillStream : IAsyncDisposable
{
    private readonly LighterSubscription<FillBatch> _subscription;
    private readonly Task _reading;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<FillRow> _fills = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly string _owner;
    private readonly long _accountIndex;

    private FillStream(string owner, long accountIndex, LighterSubscription<FillBatch> subscription)
    {
        _owner = owner;
        _accountIndex = accountIndex;
        _subscription = subscription;
        _reading = ReadAsync();
    }

    public static async Task<FillStream> StartAsync(LighterWebSocketClient socket, string owner, long accountIndex, CancellationToken cancellationToken)
    {
        var channel = new ChannelSubscription<FillBatch>($"account_all/{accountIndex}", requiresAuth: false, Decode);
        return new FillStream(owner, accountIndex, await socket.SubscribeAsync(channel, cancellationToken).ConfigureAwait(false));
    }

    public IReadOnlyList<FillRow> Fills
    {
        get
        {
            lock (_fills)
            {
                return [.. _fills];
            }
        }
    }

    /// <summary>Waits until the fills add up to <paramref name="size"/> (the stream is asynchronous).</summary>
    public async Task WaitForSizeAsync(decimal size, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (Fills.Sum(f => f.Size) < size)
        {
            await _arrived.WaitAsync(deadline.Token).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _subscription.DisposeAsync().ConfigureAwait(false);
        try
        {
            await _reading.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose.
        }

        _stop.Dispose();
        _arrived.Dispose();
    }

    private async Task ReadAsync()
    {
        await foreach (var batch in _subscription.ReadAllAsync(_stop.Token).ConfigureAwait(false))
        {
            if (batch.IsUpdate)
            {
                lock (_fills)
                {
                    _fills.AddRange(batch.Trades.Select(t => t with { Owner = _owner, Side = t.BuyerAccount == _accountIndex ? "buy" : "sell" }));
                }

                _arrived.Release();
            }
        }
    }

    private static FillBatch? Decode(string messageType, ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        using var document = JsonDocument.ParseValue(ref reader);
        var trades = document.RootElement.TryGetProperty("trades", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(FillRow.Parse).ToList()
            : [];
        return new FillBatch(messageType.StartsWith("update/", StringComparison.Ordinal), trades);
    }

    /// <summary>One <c>account_all</c> message's trades (the subscription snapshot carries history, not new fills).</summary>
    internal sealed record FillBatch(bool IsUpdate, List<FillRow> Trades);
}

/// <summary>A fill for the report.</summary>
internal sealed record FillRow(string Owner, string Side, decimal Price, decimal Size, long TradeId, long BuyerAccount)
{
    public static FillRow Parse(JsonElement trade) => new(
        "",
        "",
        decimal.Parse(trade.GetProperty("price").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
        decimal.Parse(trade.GetProperty("size").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
        trade.GetProperty("trade_id").GetInt64(),
        trade.GetProperty("bid_account_id").GetInt64());
}
