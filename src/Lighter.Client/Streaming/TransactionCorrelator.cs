using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace Lighter.Client.Streaming;

/// <summary>Builds <c>jsonapi/sendtx</c>/<c>sendtxbatch</c> frames and matches replies to requests by id.</summary>
internal sealed class TransactionCorrelator
{
    /// <summary>Most transactions the server takes in one <c>jsonapi/sendtxbatch</c> frame (AsyncAPI document).</summary>
    public const int MaxBatchSize = 15;

    private readonly ConcurrentDictionary<string, TaskCompletionSource<WsTransactionResponse>> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private long _nextId;

    public (string Id, byte[] Frame, Task<WsTransactionResponse> Response) Prepare(IReadOnlyList<SignedTransaction> transactions, bool batch)
    {
        Validate(transactions, batch);
        var id = Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type"u8, batch ? "jsonapi/sendtxbatch"u8 : "jsonapi/sendtx"u8);
            writer.WriteStartObject("data"u8);
            writer.WriteString("id"u8, id);
            if (batch)
            {
                writer.WriteString("tx_types"u8, JsonSerializer.Serialize(transactions.Select(t => t.TxType).ToArray(), WsJson.Default.Int32Array));
                writer.WriteString("tx_infos"u8, JsonSerializer.Serialize(transactions.Select(t => t.TxInfo).ToArray(), WsJson.Default.StringArray));
            }
            else
            {
                writer.WriteNumber("tx_type"u8, transactions[0].TxType);
                writer.WriteString("tx_info"u8, transactions[0].TxInfo);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        var tcs = new TaskCompletionSource<WsTransactionResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = tcs;
        _order.Enqueue(id);
        return (id, buffer.WrittenSpan.ToArray(), tcs.Task);
    }

    public void Forget(string id) => _pending.TryRemove(id, out _);

    /// <summary>Completes the request the reply belongs to; a reply without id answers the oldest open request.</summary>
    public bool Complete(ReadOnlySpan<byte> frame)
    {
        var response = Parse(frame);
        var id = response.Id;
        if (id is null)
        {
            while (_order.TryDequeue(out var oldest))
            {
                if (_pending.ContainsKey(oldest))
                {
                    id = oldest;
                    break;
                }
            }
        }

        if (id is null || !_pending.TryRemove(id, out var tcs))
        {
            return false;
        }

        tcs.TrySetResult(response);
        return true;
    }

    /// <summary>Fails every open request, e.g. when the socket is lost before the replies arrived.</summary>
    public void FailAll(Exception error)
    {
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var tcs))
            {
                tcs.TrySetException(error);
            }
        }

        _order.Clear();
    }

    private static void Validate(IReadOnlyList<SignedTransaction> transactions, bool batch)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        if (transactions.Count == 0 || (!batch && transactions.Count != 1))
        {
            throw new ArgumentException("At least one transaction is required.", nameof(transactions));
        }

        if (transactions.Count > MaxBatchSize)
        {
            throw new ArgumentException($"A batch holds at most {MaxBatchSize} transactions; got {transactions.Count}.", nameof(transactions));
        }

        for (var i = 0; i < transactions.Count; i++)
        {
            var tx = transactions[i];
            if (tx.TxType is < 0 or > 255)
            {
                throw new ArgumentOutOfRangeException(nameof(transactions), $"transactions[{i}].TxType {tx.TxType} is not a uint8 tx type.");
            }

            if (string.IsNullOrEmpty(tx.TxInfo) || !tx.TxInfo.AsSpan().TrimStart().StartsWith('{'))
            {
                throw new ArgumentException($"transactions[{i}].TxInfo is not a signed tx_info JSON object.", nameof(transactions));
            }
        }
    }

    private static WsTransactionResponse Parse(ReadOnlySpan<byte> frame)
    {
        using var document = JsonDocument.Parse(frame.ToArray());
        var root = document.RootElement;
        var data = root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : root;
        string? id = Text(root, "id") ?? Text(data, "id");
        var code = Number(root, "code") ?? Number(data, "code") ?? 0;
        var message = Text(root, "message") ?? Text(data, "message");
        var hashes = new List<string>();
        foreach (var scope in new[] { root, data })
        {
            if (scope.TryGetProperty("tx_hash", out var h) && h.ValueKind == JsonValueKind.String && !hashes.Contains(h.GetString()!))
            {
                hashes.Add(h.GetString()!);
            }

            if (scope.TryGetProperty("tx_hashes", out var hs) && hs.ValueKind == JsonValueKind.Array)
            {
                hashes.AddRange(hs.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).Where(x => !hashes.Contains(x)).ToList());
            }
        }

        var error = root.TryGetProperty("error", out var e) && e.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? e.GetRawText() : null;
        return new WsTransactionResponse(id, code, message, hashes, error);
    }

    private static string? Text(JsonElement scope, string name) =>
        scope.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    private static int? Number(JsonElement scope, string name) =>
        scope.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;
}
