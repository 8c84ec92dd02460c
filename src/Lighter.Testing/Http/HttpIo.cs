using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Lighter.Testing.Http;

/// <summary>Reading query parameters and writing JSON bodies the way the exchange does.</summary>
internal static class HttpIo
{
    /// <summary>Writes a JSON body built by <paramref name="write"/> with the given status.</summary>
    public static async Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Writes the exchange's error body, <c>ResultCode {code, message}</c>, with HTTP 400.</summary>
    public static Task WriteErrorAsync(HttpContext context, ExchangeException error) =>
        WriteJsonAsync(context, StatusCodes.Status400BadRequest, w => JsonShapes.WriteResultCode(w, error.Code, error.Message));

    /// <summary>A required integer query parameter.</summary>
    public static long RequiredLong(HttpContext context, string name) =>
        OptionalLong(context, name) ?? throw ExchangeException.InvalidParam(name);

    /// <summary>An optional integer query parameter (null when absent).</summary>
    public static long? OptionalLong(HttpContext context, string name)
    {
        var text = context.Request.Query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ExchangeException.InvalidParam(name);
    }

    /// <summary>A required string query parameter.</summary>
    public static string RequiredString(HttpContext context, string name)
    {
        var text = context.Request.Query[name].ToString();
        return text.Length > 0 ? text : throw ExchangeException.InvalidParam(name);
    }

    /// <summary>Runs an endpoint body, turning an <see cref="ExchangeException"/> into the exchange's 400 response.</summary>
    public static async Task GuardAsync(HttpContext context, Func<Task> body)
    {
        try
        {
            await body().ConfigureAwait(false);
        }
        catch (ExchangeException error)
        {
            await WriteErrorAsync(context, error).ConfigureAwait(false);
        }
    }
}
