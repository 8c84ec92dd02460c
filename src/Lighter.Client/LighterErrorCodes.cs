using System.Net;

namespace Lighter.Client;

/// <summary>Lighter result codes the SDK reacts to, and the rules that classify answers as transient.</summary>
public static class LighterErrorCodes
{
    /// <summary>The success code carried in every <c>ResultCode</c>-shaped body.</summary>
    public const int Success = 200;

    /// <summary>The transaction's nonce is not the account key's next nonce.</summary>
    public const int InvalidNonce = 21104;

    /// <summary>No transaction with that hash (or sequence index) is known.</summary>
    public const int TxNotFound = 21500;

    /// <summary>Too many requests (REST rate limit).</summary>
    public const int TooManyRequests = 23000;

    /// <summary>Too many connections.</summary>
    public const int TooManyConnections = 23003;

    /// <summary>Whether the answer signals a nonce mismatch.</summary>
    public static bool IsInvalidNonce(int? code, string? message) =>
        code == InvalidNonce || (message?.Contains("invalid nonce", StringComparison.OrdinalIgnoreCase) ?? false);

    /// <summary>Whether a failed answer may succeed if the same call is made again later.</summary>
    public static bool IsTransient(HttpStatusCode? status, int? code) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout
        || (status is { } s && (int)s >= 500)
        || code is TooManyRequests or TooManyConnections or 23004 or 30009 or 30010;
}
