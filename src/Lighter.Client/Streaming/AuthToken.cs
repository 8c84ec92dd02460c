namespace Lighter.Client.Streaming;

/// <summary>An auth token for private channels and the moment it stops being valid.</summary>
/// <param name="Value">The token text sent in the subscribe frame's <c>auth</c> field.</param>
/// <param name="ExpiresAt">Expiry instant.</param>
public sealed record AuthToken(string Value, DateTimeOffset ExpiresAt)
{
    /// <summary>Never prints the token itself.</summary>
    public override string ToString() => $"AuthToken(expires {ExpiresAt:O})";
}

/// <summary>Supplies auth tokens for auth-required channels (the client wires this to the signer).</summary>
public interface IAuthTokenProvider
{
    /// <summary>Creates a new token.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    ValueTask<AuthToken> GetTokenAsync(CancellationToken cancellationToken = default);
}

/// <summary>Adapts a delegate to <see cref="IAuthTokenProvider"/>.</summary>
/// <param name="factory">Creates a new token.</param>
public sealed class DelegateAuthTokenProvider(Func<CancellationToken, ValueTask<AuthToken>> factory) : IAuthTokenProvider
{
    /// <inheritdoc />
    public ValueTask<AuthToken> GetTokenAsync(CancellationToken cancellationToken = default) => factory(cancellationToken);
}

/// <summary>Caches the provider's token and fetches a fresh one before the cached one expires.</summary>
internal sealed class AuthTokenCache(IAuthTokenProvider provider, TimeProvider time, TimeSpan refreshMargin)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AuthToken? _current;

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is null || time.GetUtcNow() >= _current.ExpiresAt - refreshMargin)
            {
                _current = await provider.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            }

            return _current.Value;
        }
        finally
        {
            _gate.Release();
        }
    }
}
