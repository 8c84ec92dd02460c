using System.Text.Json;
using Lighter.Testing.Exchange;

namespace Lighter.Testing.Http;

internal static partial class JsonShapes
{
    /// <summary>The OpenAPI <c>Tx</c>; with <paramref name="enriched"/> the <c>EnrichedTx</c> extras (code, commit times).</summary>
    public static void WriteTx(Utf8JsonWriter w, TxRecord tx, string l1Address, bool enriched)
    {
        w.WriteStartObject();
        if (enriched)
        {
            WriteOk(w);
        }

        w.WriteString("hash", tx.Hash);
        w.WriteNumber("type", tx.Type);
        w.WriteString("info", tx.Info);
        w.WriteString("event_info", tx.EventInfo);
        w.WriteNumber("status", tx.Status);
        w.WriteNumber("transaction_index", tx.SequenceIndex);
        w.WriteString("l1_address", l1Address);
        w.WriteNumber("account_index", tx.AccountIndex);
        w.WriteNumber("nonce", tx.Nonce);
        w.WriteNumber("expire_at", tx.ExpireAt);
        w.WriteNumber("block_height", tx.BlockHeight);
        w.WriteNumber("queued_at", tx.QueuedAtMs);
        w.WriteNumber("executed_at", tx.ExecutedAtMs);
        w.WriteNumber("sequence_index", tx.SequenceIndex);
        w.WriteString("parent_hash", "");
        w.WriteNumber("api_key_index", tx.ApiKeyIndex);
        w.WriteNumber("transaction_time", tx.ExecutedAtMs * 1000);
        if (enriched)
        {
            w.WriteNumber("committed_at", tx.ExecutedAtMs);
            w.WriteNumber("verified_at", tx.ExecutedAtMs);
        }

        w.WriteEndObject();
    }

    /// <summary>The OpenAPI <c>ResultCode</c>: <c>{"code":…,"message":…}</c>.</summary>
    public static void WriteResultCode(Utf8JsonWriter w, int code, string message)
    {
        w.WriteStartObject();
        w.WriteNumber("code", code);
        w.WriteString("message", message);
        w.WriteEndObject();
    }
}
