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
