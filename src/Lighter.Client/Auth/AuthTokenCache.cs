using Lighter.Client.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lighter.Client.Auth;

/// <summary>
/// Keeps one auth token for an (account, API key) and replaces it <c>renewBefore</c> ahead of its deadline, so
/// requests never carry an expiring token and the signer runs once per lifetime, not once per request.
/// </summary>
internal sealed class AuthTokenCache
{
    private readonly Func<DateTimeOffset, string> _createToken;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly TimeSpan _renewBefore;
    private readonly ILogger _logger;
    private readonly Lock _renewLock = new();
    private volatile Entry? _current;

    /// <summary>Creates the cache.</summary>
    /// <param name="accountIndex">Account the tokens are for (logged, never the token).</param>
    /// <param name="apiKeyIndex">API key the tokens are signed with.</param>
    /// <param name="createToken">Signs a token valid until the given deadline (Unix seconds precision).</param>
    /// <param name="timeProvider">Clock.</param>
    /// <param name="lifetime">Lifetime of each token (at most 8 h).</param>
    /// <param name="renewBefore">Renewal margin before the deadline.</param>
    /// <param name="logger">Optional logger.</param>
    public AuthTokenCache(long accountIndex, int apiKeyIndex, Func<DateTimeOffset, string> createToken, TimeProvider timeProvider, TimeSpan lifetime, TimeSpan renewBefore, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(createToken);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (lifetime <= TimeSpan.Zero || renewBefore < TimeSpan.Zero || renewBefore >= lifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(renewBefore), "renewBefore must be non-negative and shorter than lifetime.");
        }

        AccountIndex = accountIndex;
        ApiKeyIndex = apiKeyIndex;
        _createToken = createToken;
        _time = timeProvider;
        _lifetime = lifetime;
        _renewBefore = renewBefore;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Account the tokens are for.</summary>
    public long AccountIndex { get; }

    /// <summary>API key the tokens are signed with.</summary>
    public int ApiKeyIndex { get; }

    /// <summary>Returns a token valid for at least the renewal margin, creating one when needed.</summary>
    public string GetToken()
    {
        var now = _time.GetUtcNow();
        var entry = _current;
        if (entry is not null && now < entry.RenewAt) return entry.Token;
        lock (_renewLock)
        {
            entry = _current;
            if (entry is not null && now < entry.RenewAt) return entry.Token;
            var deadline = DateTimeOffset.FromUnixTimeSeconds((now + _lifetime).ToUnixTimeSeconds());
            entry = new Entry(_createToken(deadline), deadline - _renewBefore);
            _current = entry;
            LighterLog.AuthTokenRenewed(_logger, AccountIndex, ApiKeyIndex, deadline);
            return entry.Token;
        }
    }

    /// <summary>Forgets the cached token (e.g. after the server rejected it).</summary>
    public void Invalidate() => _current = null;

    /// <inheritdoc />
    public override string ToString() => $"AuthTokenCache {{ Account = {AccountIndex}, ApiKey = {ApiKeyIndex}, Token = <redacted> }}";

    private sealed record Entry(string Token, DateTimeOffset RenewAt)
    {
        public override string ToString() => "<redacted>";
    }
}
