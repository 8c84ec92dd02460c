using Lighter.Signing.Auth;

namespace Lighter.Client.Tests.Streaming;

/// <summary>Well-formed auth tokens with a serial number for a signature, for tests that count renewals.</summary>
internal static class FakeAuthTokens
{
    public static AuthToken Issue(int serial, DateTimeOffset deadline) =>
        AuthToken.Parse(FormattableString.Invariant($"{deadline.ToUnixTimeSeconds()}:42:0:{serial:x4}"));

    /// <summary>True when <paramref name="token"/> is the text of the token with this serial.</summary>
    public static bool IsSerial(string? token, int serial) =>
        token is not null && token.EndsWith(FormattableString.Invariant($":{serial:x4}"), StringComparison.Ordinal);
}
