using System.Globalization;
using System.Text.Json;

namespace Lighter.Client.Submission;

/// <summary>The form bodies of <c>sendTx</c>/<c>sendTxBatch</c> and the fields read back from their answers.</summary>
internal static class SendTxWire
{
    public static FormUrlEncodedContent Single(WireTransaction tx, bool? priceProtection)
    {
        var fields = new List<KeyValuePair<string, string>>(3)
        {
            new("tx_type", tx.TxType.ToString(CultureInfo.InvariantCulture)),
            new("tx_info", tx.TxInfo),
        };
        if (priceProtection is { } p) fields.Add(new("price_protection", p ? "true" : "false"));
        return new FormUrlEncodedContent(fields);
    }

    public static FormUrlEncodedContent Batch(IReadOnlyList<WireTransaction> txs)
    {
        // Both fields are JSON text: a list of ints, and a list of tx_info strings (so each info is JSON-encoded again).
        var types = JsonSerializer.Serialize(txs.Select(t => t.TxType).ToArray(), SubmissionJsonContext.Default.Int32Array);
        var infos = JsonSerializer.Serialize(txs.Select(t => t.TxInfo).ToArray(), SubmissionJsonContext.Default.StringArray);
        return new FormUrlEncodedContent([new("tx_types", types), new("tx_infos", infos)]);
    }

    /// <summary>Reads <c>predicted_execution_time_ms</c> and <c>volume_quota_remaining</c> (absent → null).</summary>
    public static (long? Predicted, long? Quota) ReadAnswer(ReadOnlySpan<byte> json)
    {
        long? predicted = null, quota = null;
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.CurrentDepth != 1 || reader.TokenType != JsonTokenType.PropertyName) continue;
            var isPredicted = reader.ValueTextEquals("predicted_execution_time_ms"u8);
            var isQuota = !isPredicted && reader.ValueTextEquals("volume_quota_remaining"u8);
            reader.Read();
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var value)) continue;
            if (isPredicted) predicted = value;
            else if (isQuota) quota = value;
        }

        return (predicted, quota);
    }

}

[System.Text.Json.Serialization.JsonSerializable(typeof(int[]))]
[System.Text.Json.Serialization.JsonSerializable(typeof(string[]))]
internal sealed partial class SubmissionJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
