namespace Lighter.Client.Http;

/// <summary>Names a REST request the way the rate-limit table and error messages do: the path below <c>api/v1/</c>.</summary>
internal static class OperationName
{
    private const string Prefix = "/api/v1/";

    /// <summary>The operation of a request URI, e.g. <c>sendTx</c>, <c>deposit/history</c>, <c>status</c> for <c>/</c>.</summary>
    public static string FromUri(Uri? uri)
    {
        if (uri is null) return "unknown";
        var path = uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0];
        var start = path.IndexOf(Prefix, StringComparison.Ordinal);
        if (start >= 0) return path[(start + Prefix.Length)..].TrimEnd('/');
        var trimmed = path.Trim('/');
        return trimmed.Length == 0 ? "status" : trimmed;
    }

    /// <summary>Whether the operation submits signed transactions.</summary>
    public static bool IsSendTx(string operation) => operation is "sendTx" or "sendTxBatch";
}
