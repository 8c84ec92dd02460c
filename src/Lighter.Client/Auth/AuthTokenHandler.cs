namespace Lighter.Client.Auth;

/// <summary>Where an operation expects its auth token.</summary>
internal enum AuthPlacement
{
    /// <summary>The operation takes no auth token.</summary>
    None = 0,

    /// <summary>The <c>authorization</c> request header.</summary>
    Header = 1,

    /// <summary>The <c>auth</c> query parameter.</summary>
    Query = 2,
}

/// <summary>
/// Attaches the cached auth token to the operations that need one. A token the caller set explicitly (header or
/// query) is left alone.
/// </summary>
internal sealed class AuthTokenHandler : DelegatingHandler
{
    private readonly Func<AuthTokenCache?> _cache;
    private readonly Func<HttpRequestMessage, AuthPlacement> _placement;

    /// <summary>Creates the handler.</summary>
    /// <param name="cache">The token source.</param>
    /// <param name="placement">Where a request's operation takes its token (<see cref="AuthOperations.Of"/> reads the generated catalog).</param>
    public AuthTokenHandler(AuthTokenCache cache, Func<HttpRequestMessage, AuthPlacement> placement)
        : this(() => cache, placement)
    {
        ArgumentNullException.ThrowIfNull(cache);
    }

    /// <summary>Creates the handler with a token source that may appear later (a signer attached after start-up).</summary>
    /// <param name="cache">Returns the token source, or null while there is none (requests then go without a token).</param>
    /// <param name="placement">Where a request's operation takes its token.</param>
    public AuthTokenHandler(Func<AuthTokenCache?> cache, Func<HttpRequestMessage, AuthPlacement> placement)
    {
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        _placement = placement ?? throw new ArgumentNullException(nameof(placement));
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_cache() is not { } cache) return base.SendAsync(request, cancellationToken);
        switch (_placement(request))
        {
            case AuthPlacement.Header when !request.Headers.Contains("authorization"):
                request.Headers.TryAddWithoutValidation("authorization", cache.GetToken());
                break;
            case AuthPlacement.Query when request.RequestUri is { } uri && !HasAuthQuery(uri):
                var separator = string.IsNullOrEmpty(uri.Query) ? "?" : "&";
                request.RequestUri = new Uri(uri.OriginalString + separator + "auth=" + Uri.EscapeDataString(cache.GetToken()), uri.IsAbsoluteUri ? UriKind.Absolute : UriKind.Relative);
                break;
        }

        return base.SendAsync(request, cancellationToken);
    }

    private static bool HasAuthQuery(Uri uri)
    {
        var query = uri.IsAbsoluteUri ? uri.Query : (uri.OriginalString.Split('?', 2) is [_, var q] ? "?" + q : string.Empty);
        return query.Contains("?auth=", StringComparison.Ordinal) || query.Contains("&auth=", StringComparison.Ordinal);
    }
}
