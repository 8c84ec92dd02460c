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

    /// <summary>True when the deadline has passed according to <paramref name="timeProvider"/>.</summary>
    /// <param name="timeProvider">The clock (<see cref="TimeProvider.System"/> when null).</param>
    /// <returns>Whether the token has expired.</returns>
    public bool IsExpired(TimeProvider? timeProvider = null) =>
        (timeProvider ?? TimeProvider.System).GetUtcNow() >= Deadline;

    /// <inheritdoc />
    public override string ToString() =>
        $"AuthToken(account {AccountIndex}, api key {ApiKeyIndex}, deadline {Deadline:O}, value redacted)";
}
