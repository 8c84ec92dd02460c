using System.Text;
using System.Text.Json;

namespace Lighter.Client.Streaming;

/// <summary>What could be read from one <c>jsonapi/sendtx</c>/<c>sendtxbatch</c> reply.</summary>
/// <param name="Id">The correlation id, when one could be read.</param>
/// <param name="HasIdField">Whether the frame holds an <c>id</c> at all (readable or not, or the frame broke before it).</param>
/// <param name="Response">The reply, when every field could be read.</param>
/// <param name="Problem">Why the reply cannot be used (names the field), when it cannot.</param>
internal sealed record TransactionReply(string? Id, bool HasIdField, WsTransactionResponse? Response, string? Problem);

/// <summary>
/// Reads a transaction reply without ever throwing: a broken frame, invalid UTF-8 in a field or a wrong type
/// becomes <see cref="TransactionReply.Problem"/>, and the id is still recovered when it comes before the damage.
/// </summary>
internal static class TransactionReplyReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static TransactionReply Read(ReadOnlySpan<byte> frame)
    {
        var root = new Fields();
        var data = new Fields();
        string? problem = null;
        var complete = false;
        try
        {
            var reader = new Utf8JsonReader(frame, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return new TransactionReply(null, false, null, "frame is not a JSON object");
            }

            ReadObject(frame, ref reader, root, data, ref problem);
            complete = true;
        }
        catch (JsonException ex)
        {
            problem ??= "malformed JSON: " + ex.Message;
        }
        catch (InvalidOperationException ex)
        {
            // A property name whose escape is not valid UTF-16 (e.g. a lone \udfff) cannot be compared.
            problem ??= "unreadable property name: " + ex.Message;
        }

        var id = root.Id ?? data.Id;
        var hasId = root.HasId || data.HasId || !complete;
        if (problem is not null)
        {
            return new TransactionReply(id, hasId, null, problem);
        }

        var hashes = new List<string>();
        foreach (var hash in root.Hashes.Concat(data.Hashes))
        {
            if (!hashes.Contains(hash))
            {
                hashes.Add(hash);
            }
        }

        var response = new WsTransactionResponse(id, root.Code ?? data.Code ?? 0, root.Message ?? data.Message, hashes, root.Error);
        return new TransactionReply(id, hasId, response, null);
    }

    /// <summary>Reads the members of an object; <paramref name="nested"/> receives the <c>data</c> object's fields (one level).</summary>
    private static void ReadObject(ReadOnlySpan<byte> frame, ref Utf8JsonReader reader, Fields fields, Fields? nested, ref string? problem)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueTextEquals("id"u8) ? "id"
                : reader.ValueTextEquals("code"u8) ? "code"
                : reader.ValueTextEquals("message"u8) ? "message"
                : reader.ValueTextEquals("tx_hash"u8) ? "tx_hash"
                : reader.ValueTextEquals("tx_hashes"u8) ? "tx_hashes"
                : reader.ValueTextEquals("error"u8) ? "error"
                : reader.ValueTextEquals("data"u8) && nested is not null ? "data"
                : null;
            reader.Read();
            if (name == "data" && reader.TokenType == JsonTokenType.StartObject)
            {
                ReadObject(frame, ref reader, nested!, null, ref problem);
                continue;
            }

            var start = (int)reader.TokenStartIndex;
            if (Assign(ref reader, name, fields) is { } unreadable)
            {
                problem ??= unreadable;
            }

            if (name == "error" && fields.Error is null && reader.TokenType is not JsonTokenType.Null)
            {
                reader.Skip();
                try
                {
                    fields.Error = StrictUtf8.GetString(frame[start..(int)reader.BytesConsumed]);
                }
                catch (ArgumentException ex)
                {
                    problem ??= "field 'error' cannot be read: " + ex.Message;
                }
            }
            else
            {
                reader.Skip();
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("expected a property name or '}'");
        }
    }

    /// <summary>Stores one field; returns why it cannot be read (invalid UTF-8, a lone surrogate escape), else null.</summary>
    private static string? Assign(ref Utf8JsonReader reader, string? name, Fields fields)
    {
        switch (name)
        {
            case "id":
                fields.HasId = true;
                if (!TryText(ref reader, out var id))
                {
                    return Unreadable(name);
                }

                fields.Id = id;
                return null;
            case "code":
                fields.Code = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var code) ? code : null;
                return null;
            case "message":
                if (!TryText(ref reader, out var message))
                {
                    return Unreadable(name);
                }

                fields.Message = message;
                return null;
            case "tx_hash" when reader.TokenType == JsonTokenType.String:
                if (!TryText(ref reader, out var hash))
                {
                    return Unreadable(name);
                }

                fields.Hashes.Add(hash!);
                return null;
            case "tx_hashes" when reader.TokenType == JsonTokenType.StartArray:
                string? problem = null;
                var depth = reader.CurrentDepth;
                while (reader.Read() && !(reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == depth))
                {
                    if (reader.TokenType == JsonTokenType.String && reader.CurrentDepth == depth + 1)
                    {
                        if (TryText(ref reader, out var item))
                        {
                            fields.Hashes.Add(item!);
                        }
                        else
                        {
                            problem ??= Unreadable(name);
                        }
                    }
                }

                return problem;
            default:
                return null;
        }
    }

    private static string Unreadable(string name) => $"field '{name}' is not valid UTF-8 text";

    /// <summary>Reads a string (or a number's text); false when its bytes are not valid UTF-8.</summary>
    private static bool TryText(ref Utf8JsonReader reader, out string? value)
    {
        value = null;
        try
        {
            value = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                _ => null,
            };
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private sealed class Fields
    {
        public string? Id { get; set; }

        public bool HasId { get; set; }

        public int? Code { get; set; }

        public string? Message { get; set; }

        public List<string> Hashes { get; } = [];

        public string? Error { get; set; }
    }
}
