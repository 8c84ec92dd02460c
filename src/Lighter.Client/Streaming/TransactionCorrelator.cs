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

    public (string Id, byte[] Frame, Task<WsTransactionResponse> Response) Prepare(IReadOnlyList<TxPayload> transactions, bool batch)
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
                // Embedded as the JSON object itself, as the official examples and live clients do (the batch frame,
                // by contrast, carries its infos as one double-encoded string).
                writer.WriteNumber("tx_type"u8, transactions[0].TxType);
                writer.WritePropertyName("tx_info"u8);
                try
                {
                    writer.WriteRawValue(transactions[0].TxInfo);
                }
                catch (JsonException ex)
                {
                    throw new ArgumentException("transactions[0].TxInfo is not valid JSON: " + ex.Message, nameof(transactions), ex);
                }
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

    /// <summary>
    /// Completes the request the reply belongs to; a reply without id answers the oldest open request. A reply that
    /// cannot be read fails its request at once with <see cref="LighterConnectionException"/>. Never throws.
    /// </summary>
    /// <returns>Whether a request matched, and why the reply could not be read (null when it could).</returns>
    public (bool Matched, string? Problem) Complete(ReadOnlySpan<byte> frame)
    {
        var reply = TransactionReplyReader.Read(frame);
        var id = reply.Id;

        // Only a fully read reply that has no id at all answers the oldest request; a damaged one is not guessed at.
        if (id is null && !reply.HasIdField)
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
            return (false, reply.Problem);
        }

        if (reply.Response is { } response)
        {
            tcs.TrySetResult(response);
        }
        else
        {
            tcs.TrySetException(new LighterConnectionException(
                $"The reply to transaction request {id} arrived but cannot be read ({reply.Problem}); the transaction may or may not have been accepted."));
        }

        return (true, reply.Problem);
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

    private static void Validate(IReadOnlyList<TxPayload> transactions, bool batch)
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
}
