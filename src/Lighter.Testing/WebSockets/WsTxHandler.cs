using System.Text.Json;
using Lighter.Testing.Exchange;
using Lighter.Testing.Http;

namespace Lighter.Testing.WebSockets;

/// <summary>
/// <c>jsonapi/sendtx</c> and <c>jsonapi/sendtxbatch</c>: the same admission as REST, answered with a
/// <c>TxResponse</c> frame that echoes the request's <c>id</c>. A single tx_info may be a JSON string or an
/// object (the Python example embeds the object); batch fields are JSON text, as the AsyncAPI describes.
/// </summary>
internal static class WsTxHandler
{
    public static void Handle(Utf8JsonWriter w, SandboxExchange ex, JsonElement message)
    {
        var type = WsProtocol.Text(message, "type")!;
        var data = message.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        var id = data.ValueKind == JsonValueKind.Object ? IdOf(data) : null;
        try
        {
            if (data.ValueKind != JsonValueKind.Object)
            {
                throw new ExchangeException(SandboxErrorCodes.WebsocketInvalidJson, "Invalid Json");
            }

            if (type == "jsonapi/sendtx")
            {
                var txType = data.TryGetProperty("tx_type", out var t) && t.TryGetInt32(out var n) ? n : throw ExchangeException.InvalidParam("tx_type");
                var hash = ex.Submit(txType, TxInfoText(data));
                Write(w, type, id, SandboxErrorCodes.Ok, "", hash, null);
            }
            else
            {
                var (types, infos) = SendTxEndpoints.ParseBatch(WsProtocol.Text(data, "tx_types") ?? "", WsProtocol.Text(data, "tx_infos") ?? "");
                Write(w, type, id, SandboxErrorCodes.Ok, "", null, ex.SubmitBatch(types, infos));
            }
        }
        catch (ExchangeException error)
        {
            Write(w, type, id, error.Code, error.Message, null, null);
        }
    }

    private static string TxInfoText(JsonElement data) =>
        !data.TryGetProperty("tx_info", out var info) ? throw ExchangeException.InvalidParam("tx_info")
        : info.ValueKind == JsonValueKind.String ? info.GetString()!
        : info.GetRawText();

    private static string? IdOf(JsonElement data) =>
        data.TryGetProperty("id", out var id) ? id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText() : null;

    private static void Write(Utf8JsonWriter w, string type, string? id, int code, string message, string? hash, IReadOnlyList<string>? hashes)
    {
        w.WriteStartObject();
        w.WriteString("type", type);
        if (id is not null)
        {
            w.WriteString("id", id);
        }

        w.WriteNumber("code", code);
        w.WriteString("message", message);
        if (hash is not null)
        {
            w.WriteString("tx_hash", hash);
        }

        if (hashes is not null)
        {
            w.WriteStartArray("tx_hashes");
            foreach (var h in hashes)
            {
                w.WriteStringValue(h);
            }

            w.WriteEndArray();
        }

        if (code != SandboxErrorCodes.Ok)
        {
            w.WriteStartObject("error");
            w.WriteNumber("code", code);
            w.WriteString("message", message);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }
}
