using System.Net;

using Lighter.Signing;

namespace Lighter.Client;

/// <summary>
/// A Lighter REST call did not succeed: a non-2xx answer, a <c>ResultCode</c> body whose <c>code</c> is not 200,
/// or a transport fault (then <see cref="StatusCode"/> is <see langword="null"/>). Messages never contain keys,
/// auth tokens or signed payloads.
/// </summary>
public class LighterApiException : LighterException
{
    private readonly bool _isTransient;

    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The operation, e.g. <c>sendTx</c> or <c>nextNonce</c>.</param>
    /// <param name="statusCode">HTTP status, or <see langword="null"/> when no answer arrived.</param>
    /// <param name="code">Lighter result code from the body, when there was one.</param>
    /// <param name="serverMessage">The server's message (bounded), when there was one.</param>
    /// <param name="isTransient">Whether the same call may succeed later.</param>
    /// <param name="innerException">The transport fault, if any.</param>
    public LighterApiException(string operation, HttpStatusCode? statusCode, int? code, string? serverMessage, bool isTransient, Exception? innerException = null)
        : base(Describe(operation, statusCode, code, serverMessage, innerException), innerException)
    {
        Operation = operation;
        StatusCode = statusCode;
        Code = code;
        ServerMessage = serverMessage;
        _isTransient = isTransient;
    }

    /// <summary>Creates an exception with no details.</summary>
    public LighterApiException()
        : this("unknown", null, null, null, false)
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public LighterApiException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public LighterApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Operation = "unknown";
    }

    /// <summary>The operation that failed (operation id or path below <c>api/v1/</c>).</summary>
    public string Operation { get; }

    /// <summary>HTTP status code; <see langword="null"/> for transport faults and timeouts.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The Lighter <c>code</c> from the response body (e.g. 21104 invalid nonce, 23000 too many requests).</summary>
    public int? Code { get; }

    /// <summary>The server's <c>message</c>, cut to 512 characters.</summary>
    public string? ServerMessage { get; }

    /// <summary>Whether retrying the same call later may succeed (429, 5xx, timeouts, connection faults, rate-limit codes).</summary>
    public override bool IsTransient => _isTransient;

    /// <summary>How long the server asked the caller to wait (<c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Whether the server said the nonce was wrong (code 21104 or an "invalid nonce" message).</summary>
    public bool IsInvalidNonce => LighterErrorCodes.IsInvalidNonce(Code, ServerMessage);

    private static string Describe(string operation, HttpStatusCode? status, int? code, string? message, Exception? inner)
    {
        var text = $"Lighter operation '{operation}' failed";
        if (status is { } s) text += $" with HTTP {(int)s}";
        if (code is { } c) text += $", code {c}";
        if (!string.IsNullOrEmpty(message)) text += $": {message}";
        else if (inner is not null && status is null) text += $": {inner.GetType().Name}";
        return text + ".";
    }
}
