using System.Buffers.Binary;
using System.Globalization;
using Lighter.Signing.Crypto;

namespace Lighter.Signing.Auth;

/// <summary>
/// Creates auth tokens exactly as the official <c>ConstructAuthToken</c>: the ASCII message
/// <c>"{deadline unix s}:{account}:{apiKey}"</c> is packed into 8-byte little-endian Goldilocks elements, hashed
/// with Poseidon2 to GF(p^5), Schnorr-signed, and appended as lowercase hex.
/// </summary>
public static class AuthTokens
{
    /// <summary>The default token lifetime (as the official SDKs): 7 hours.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(7);

    /// <summary>The exchange accepts deadlines at most 8 hours ahead.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(8);

    /// <summary>Creates a token valid until <paramref name="deadline"/>.</summary>
    /// <param name="privateKey">The API private key.</param>
    /// <param name="accountIndex">The account.</param>
    /// <param name="apiKeyIndex">The API key slot of <paramref name="privateKey"/>.</param>
    /// <param name="deadline">Expiry (truncated to whole seconds); default now + 7 h.</param>
    /// <param name="timeProvider">The clock (<see cref="TimeProvider.System"/> when null).</param>
    /// <returns>The token.</returns>
    /// <exception cref="LighterSigningException">The deadline is not in the future or more than 8 h ahead.</exception>
    public static AuthToken Create(
        LighterPrivateKey privateKey, long accountIndex, byte apiKeyIndex, DateTimeOffset? deadline = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        var now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        var expiry = deadline ?? now + DefaultLifetime;
        if (expiry <= now)
        {
            throw new LighterSigningException("The auth token deadline must be in the future.", nameof(deadline));
        }

        if (expiry - now > MaxLifetime)
        {
            throw new LighterSigningException(
                "The auth token deadline must be at most 8 hours ahead; the exchange rejects later deadlines.",
                nameof(deadline));
        }

        var deadlineSeconds = expiry.ToUnixTimeSeconds();
        var message = Message(deadlineSeconds, accountIndex, apiKeyIndex);
        Span<byte> signature = stackalloc byte[80];
        Schnorr.Sign(privateKey, Hash(message), signature);
        return new AuthToken(
            message + ":" + Convert.ToHexStringLower(signature),
            DateTimeOffset.FromUnixTimeSeconds(deadlineSeconds), accountIndex, apiKeyIndex);
    }

    /// <summary>The signed message <c>"{deadline}:{account}:{apiKey}"</c>.</summary>
    internal static string Message(long deadlineUnixSeconds, long accountIndex, byte apiKeyIndex) =>
        string.Create(CultureInfo.InvariantCulture, $"{deadlineUnixSeconds}:{accountIndex}:{apiKeyIndex}");

    /// <summary>
    /// Packs ASCII bytes into Goldilocks elements: 8-byte little-endian chunks, the last zero-padded (the official
    /// <c>ArrayFromCanonicalLittleEndianBytes</c>, which rejects a chunk ≥ p).
    /// </summary>
    internal static ulong[] PackMessage(string message)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(message);
        var elements = new ulong[(bytes.Length + 7) / 8];
        Span<byte> chunk = stackalloc byte[8];
        for (var i = 0; i < elements.Length; i++)
        {
            chunk.Clear();
            bytes.AsSpan(i * 8, Math.Min(8, bytes.Length - (i * 8))).CopyTo(chunk);
            elements[i] = BinaryPrimitives.ReadUInt64LittleEndian(chunk);
            if (elements[i] >= Goldilocks.Modulus)
            {
                throw new LighterSigningException("The auth token message does not pack into field elements.", "message");
            }
        }

        return elements;
    }

    /// <summary>The message hash that is signed.</summary>
    internal static Fp5 Hash(string message) => Poseidon2.HashToQuinticExtension(PackMessage(message));
}
