using System.Globalization;
using Lighter.Testing.Transactions;

namespace Lighter.Testing.Exchange;

/// <summary>Auth tokens (<c>deadline:account:apiKey:signature</c>, signing notes §8) for private REST and WebSocket data.</summary>
internal sealed partial class SandboxExchange
{
    /// <summary>The longest an auth token may still be valid for (8 hours, as on the exchange).</summary>
    internal static readonly TimeSpan MaxAuthLifetime = TimeSpan.FromHours(8);

    /// <summary>
    /// Checks that <paramref name="token"/> is signed by an API key of <paramref name="accountIndex"/> (or of its
    /// master account), and that its deadline lies in the future but no more than 8 hours ahead.
    /// </summary>
    public void CheckAuth(string? token, long accountIndex)
    {
        var parts = (token ?? "").Split(':');
        if (parts.Length != 4
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var deadline)
            || !long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var tokenAccount)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var apiKeyIndex)
            || parts[3].Length != 160)
        {
            throw AuthError("malformed token");
        }

        byte[] signature;
        try
        {
            signature = Convert.FromHexString(parts[3]);
        }
        catch (FormatException)
        {
            throw AuthError("malformed token");
        }

        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        if (deadline <= now || deadline > now + (long)MaxAuthLifetime.TotalSeconds)
        {
            throw AuthError("token expired or deadline more than 8 hours ahead");
        }

        lock (_gate)
        {
            var target = RequireAccount(accountIndex);
            if (tokenAccount != accountIndex && tokenAccount != target.MasterIndex)
            {
                throw AuthError("token belongs to another account");
            }

            var key = RequireAccount(tokenAccount).ApiKeys.GetValueOrDefault(apiKeyIndex) ?? throw AuthError("api key not found");
            var message = string.Join(':', parts[0], parts[1], parts[2]);
            if (!TxVerifier.Verify(key.PublicKey, TxVerifier.AuthMessageHash(message), signature))
            {
                throw AuthError("invalid signature");
            }
        }
    }

    private static ExchangeException AuthError(string detail) => new(SandboxErrorCodes.InvalidAuth, "invalid auth: " + detail);
}
