using System.Globalization;
using System.Text.Json.Serialization;

namespace Lighter.Signing.Auth;

/// <summary>
/// An auth token (<c>deadline:account:apiKey:signature</c>) for the exchange's authenticated REST and WebSocket
/// endpoints. <see cref="ToString"/> redacts it, so logging the object never leaks the credential: send
/// <see cref="Value"/>.
/// </summary>
/// <remarks>
/// System.Text.Json leaves <see cref="Value"/> out (<see cref="JsonIgnoreAttribute"/>), so serializing the object
/// writes only the deadline, account and API key. Ignoring (rather than writing a marker) is enough here: the
/// type cannot be read from JSON (its constructor is internal), so nothing depends on the property's presence.
/// </remarks>
public sealed class AuthToken
{
    internal AuthToken(string value, DateTimeOffset deadline, long accountIndex, byte apiKeyIndex)
    {
        Value = value;
        Deadline = deadline;
        AccountIndex = accountIndex;
        ApiKeyIndex = apiKeyIndex;
    }

    /// <summary>The token text to send (a bearer credential: keep it out of logs; never serialized).</summary>
    [JsonIgnore]
    public string Value { get; }

    /// <summary>When the exchange stops accepting the token (whole seconds).</summary>
    public DateTimeOffset Deadline { get; }

    /// <summary>The account the token authenticates.</summary>
    public long AccountIndex { get; }

    /// <summary>The API key that signed the token.</summary>
    public byte ApiKeyIndex { get; }

    /// <summary>
    /// Reads a token issued elsewhere (another process, a token service) from its text
    /// <c>deadline:account:apiKey:signature</c>. Only the shape is checked: the exchange verifies the signature.
    /// </summary>
    /// <param name="value">The token text.</param>
    /// <returns>The token.</returns>
    /// <exception cref="LighterSigningException">The text is not <c>deadline:account:apiKey:signature</c> (the message
    /// names the part that is wrong and never repeats the token).</exception>
    public static AuthToken Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = value.Split(':');
        if (parts.Length != 4)
        {
            throw new LighterSigningException("An auth token has four ':'-separated parts: deadline:account:apiKey:signature.", nameof(value));
        }

        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var deadline) || deadline > 253_402_300_799)
        {
            throw new LighterSigningException("The auth token's deadline is not a Unix time in seconds.", nameof(value));
        }

        if (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var account))
        {
            throw new LighterSigningException("The auth token's account index is not a non-negative integer.", nameof(value));
        }

        if (!byte.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var apiKey))
        {
            throw new LighterSigningException("The auth token's API key index is not an integer in 0..255.", nameof(value));
        }

        if (parts[3].Length == 0 || parts[3].Length % 2 != 0 || !parts[3].All(char.IsAsciiHexDigit))
        {
            throw new LighterSigningException("The auth token's signature is not hexadecimal.", nameof(value));
        }

        return new AuthToken(value, DateTimeOffset.FromUnixTimeSeconds(deadline), account, apiKey);
    }

    /// <summary>True when the deadline has passed according to <paramref name="timeProvider"/>.</summary>
    /// <param name="timeProvider">The clock (<see cref="TimeProvider.System"/> when null).</param>
    /// <returns>Whether the token has expired.</returns>
    public bool IsExpired(TimeProvider? timeProvider = null) =>
        (timeProvider ?? TimeProvider.System).GetUtcNow() >= Deadline;

    /// <inheritdoc />
    public override string ToString() =>
        $"AuthToken(account {AccountIndex}, api key {ApiKeyIndex}, deadline {Deadline:O}, value redacted)";
}
