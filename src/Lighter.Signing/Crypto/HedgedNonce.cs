using System.Security.Cryptography;

namespace Lighter.Signing.Crypto;

/// <summary>
/// Hedged Schnorr nonces (RFC 6979 / RFC 8032 style with added randomness):
/// <c>k = HMAC-SHA512(sk, tag ‖ message ‖ 32 fresh random bytes) mod n</c>. With a good RNG k is uniformly random;
/// with a broken or repeating RNG k still differs for every (key, message) pair, so the key cannot leak through
/// nonce reuse.
/// </summary>
internal static class HedgedNonce
{
    private const int RandomBytes = 32;

    private static ReadOnlySpan<byte> Tag => "lighter-schnorr-nonce-v1"u8;

    /// <summary>Derives a non-zero nonce for signing <paramref name="message"/> with <paramref name="secret"/>.</summary>
    internal static Scalar Derive(ReadOnlySpan<byte> secret, in Fp5 message)
    {
        Span<byte> input = stackalloc byte[24 + Fp5.ByteLength + RandomBytes];
        Span<byte> digest = stackalloc byte[HMACSHA512.HashSizeInBytes];
        try
        {
            Tag.CopyTo(input);
            message.WriteLittleEndianBytes(input.Slice(24, Fp5.ByteLength));
            while (true)
            {
                RandomNumberGenerator.Fill(input[^RandomBytes..]);
                HMACSHA512.HashData(secret, input, digest);
                var k = Scalar.FromWideBytes(digest);
                if (!k.IsZero)
                {
                    return k;
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(input);
            CryptographicOperations.ZeroMemory(digest);
        }
    }
}
