using Lighter.Signing.Auth;

namespace Lighter.Client.Streaming;

/// <summary>Supplies auth tokens for auth-required channels (the client wires this to the signer; a token issued
/// elsewhere can be read with <see cref="AuthToken.Parse"/>).</summary>
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
