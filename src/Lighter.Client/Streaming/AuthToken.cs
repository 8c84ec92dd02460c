using System.Text.Json.Serialization;
using Lighter.Client.Serialization;

namespace Lighter.Client.Streaming;

/// <summary>An auth token for private channels and the moment it stops being valid.</summary>
/// <param name="Value">The token text sent in the subscribe frame's <c>auth</c> field.</param>
/// <param name="ExpiresAt">Expiry instant.</param>
/// <remarks>
/// System.Text.Json writes <see cref="Value"/> as <c>"&lt;redacted&gt;"</c> (<see cref="RedactedSecretJsonConverter"/>),
/// like <see cref="ToString"/>: the token is a bearer credential and an object dump must not leak it. Redacting
/// rather than ignoring keeps the record readable from JSON (its constructor needs <c>Value</c>) while a redacted
/// dump read back fails instead of yielding a token whose text is the marker.
/// </remarks>
public sealed record AuthToken(
    [property: JsonConverter(typeof(RedactedSecretJsonConverter))] string Value, DateTimeOffset ExpiresAt)
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
