using System.Text.Json;
using Lighter.Testing.Exchange;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lighter.Testing.Http;

/// <summary>
/// <c>POST /api/v1/sendTx</c> and <c>/api/v1/sendTxBatch</c>: form bodies (url-encoded, or multipart as
/// lighter-python sends them) with <c>tx_type</c> + <c>tx_info</c>, or <c>tx_types</c> + <c>tx_infos</c> as JSON text.
/// </summary>
internal static class SendTxEndpoints
{
    /// <summary>What the sandbox predicts for execution: it executes synchronously, so right away.</summary>
    private const long PredictedExecutionTimeMs = 0;

    /// <summary>The sandbox does not meter volume quota; it reports the largest stack the exchange allows.</summary>
    private const long VolumeQuotaRemaining = 5_000_000;

    public static void Map(IEndpointRouteBuilder app, SandboxExchange ex)
    {
        app.MapPost("/api/v1/sendTx", (HttpContext c) => HttpIo.GuardAsync(c, async () =>
        {
            var form = await ReadFormAsync(c).ConfigureAwait(false);
            var txType = ParseTxType(form["tx_type"].ToString());
            var hash = ex.Submit(txType, Required(form, "tx_info"));
            await HttpIo.WriteJsonAsync(c, StatusCodes.Status200OK, w =>
            {
                w.WriteStartObject();
                JsonShapes.WriteOk(w);
                w.WriteString("tx_hash", hash);
                w.WriteNumber("predicted_execution_time_ms", PredictedExecutionTimeMs);
                w.WriteNumber("volume_quota_remaining", VolumeQuotaRemaining);
                w.WriteEndObject();
            }).ConfigureAwait(false);
        }));
        app.MapPost("/api/v1/sendTxBatch", (HttpContext c) => HttpIo.GuardAsync(c, async () =>
        {
            var form = await ReadFormAsync(c).ConfigureAwait(false);
            var (types, infos) = ParseBatch(Required(form, "tx_types"), Required(form, "tx_infos"));
            var hashes = ex.SubmitBatch(types, infos);
            await HttpIo.WriteJsonAsync(c, StatusCodes.Status200OK, w =>
            {
                w.WriteStartObject();
                JsonShapes.WriteOk(w);
                w.WriteStartArray("tx_hash");
                foreach (var hash in hashes)
                {
                    w.WriteStringValue(hash);
                }

                w.WriteEndArray();
                w.WriteNumber("predicted_execution_time_ms", PredictedExecutionTimeMs);
                w.WriteNumber("volume_quota_remaining", VolumeQuotaRemaining);
                w.WriteEndObject();
            }).ConfigureAwait(false);
        }));
    }

    /// <summary>Parses the batch fields: a JSON list of integers and a JSON list of tx_info strings.</summary>
    internal static (List<int> Types, List<string> Infos) ParseBatch(string txTypes, string txInfos)
    {
        try
        {
            var types = JsonSerializer.Deserialize<List<int>>(txTypes) ?? throw ExchangeException.InvalidTxInfo("tx_types is null");
            using var document = JsonDocument.Parse(txInfos);
            var infos = document.RootElement.EnumerateArray()
                .Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText())
                .ToList();
            return (types, infos);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw ExchangeException.InvalidTxInfo("tx_types and tx_infos must be JSON lists");
        }
    }

    internal static int ParseTxType(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var type)
            && type is >= 0 and <= 255
            ? type
            : throw ExchangeException.InvalidParam("tx_type");

    private static async Task<IFormCollection> ReadFormAsync(HttpContext c) =>
        c.Request.HasFormContentType
            ? await c.Request.ReadFormAsync(c.RequestAborted).ConfigureAwait(false)
            : throw ExchangeException.InvalidParam("body must be application/x-www-form-urlencoded or multipart/form-data");

    private static string Required(IFormCollection form, string name)
    {
        var value = form[name].ToString();
        return value.Length > 0 ? value : throw ExchangeException.InvalidParam(name);
    }
}
