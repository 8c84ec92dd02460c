using System.Security.Cryptography;
using Lighter.Signing.Crypto;

namespace Lighter.Signing;

/// <summary>
/// A Lighter API private key: a scalar modulo the ECgFp5 group order n, exchanged as 40 little-endian bytes in hex.
/// The secret lives in one pinned buffer that <see cref="Dispose"/> zeroes; it never appears in
/// <see cref="ToString"/> or in exception messages. Export it only with <see cref="ExportHex"/>.
/// </summary>
public sealed class LighterPrivateKey : IDisposable
{
    private readonly byte[] _secret = GC.AllocateArray<byte>(Scalar.ByteLength, pinned: true);
    private readonly LighterPublicKey _publicKey;
    private int _disposed;

    private LighterPrivateKey(in Scalar scalar)
    {
        scalar.WriteLittleEndianBytes(_secret);
        _publicKey = new LighterPublicKey(GeneratorTable.Multiply(scalar).Encode());
    }

    /// <summary>The public key, <c>Encode(sk·G)</c>.</summary>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public LighterPublicKey PublicKey
    {
        get
        {
            ThrowIfDisposed();
            return _publicKey;
        }
    }

    /// <summary>
    /// Parses a 40-byte key written as 80 hex digits (optional <c>0x</c>). As in the official code, values ≥ n are
    /// reduced mod n; a key that is zero mod n is rejected.
    /// </summary>
    /// <param name="hex">The hex-encoded key.</param>
    /// <returns>The key.</returns>
    /// <exception cref="LighterSigningException">Malformed input (the message never contains the key).</exception>
    public static LighterPrivateKey Parse(string hex)
    {
        Span<byte> bytes = stackalloc byte[KeyHex.KeyBytes];
        try
        {
            KeyHex.Decode(hex, bytes, "privateKey", "private key");
            return FromBytes(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Creates a key from 40 little-endian bytes (values ≥ n are reduced mod n).</summary>
    /// <param name="bytes40">Exactly 40 bytes.</param>
    /// <returns>The key.</returns>
    /// <exception cref="LighterSigningException">Wrong length, or zero mod n.</exception>
    public static LighterPrivateKey FromBytes(ReadOnlySpan<byte> bytes40)
    {
        if (bytes40.Length != Scalar.ByteLength)
        {
            throw new LighterSigningException(
                $"A private key is {Scalar.ByteLength} bytes, got {bytes40.Length}.", "privateKey");
        }

        var scalar = Scalar.FromLittleEndianBytesReduced(bytes40);
        if (scalar.IsZero)
        {
            throw new LighterSigningException("The private key is zero modulo the group order.", "privateKey");
        }

        return new LighterPrivateKey(scalar);
    }

    /// <summary>Draws a key uniformly from [1, n) with the operating system's CSPRNG (rejection sampling).</summary>
    /// <returns>A new key.</returns>
    public static LighterPrivateKey Generate()
    {
        Span<byte> bytes = stackalloc byte[Scalar.ByteLength];
        try
        {
            while (true)
            {
                RandomNumberGenerator.Fill(bytes);
                bytes[^1] &= 0x7F; // n < 2^319: almost every 319-bit draw is below n
                if (Scalar.TryFromCanonicalBytes(bytes, out var scalar) && !scalar.IsZero)
                {
                    return new LighterPrivateKey(scalar);
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>
    /// Derives a key from a seed as the official web-wasm <c>GetScalarFromSeed</c>:
    /// <c>sk = BigEndian(SHA-256(0x01‖seed) ‖ SHA-256(0x02‖seed)[0..8]) mod n</c>.
    /// </summary>
    /// <param name="seed">At least 32 bytes of secret seed.</param>
    /// <returns>The key.</returns>
    /// <exception cref="LighterSigningException">The seed is shorter than 32 bytes.</exception>
    public static LighterPrivateKey FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length < 32)
        {
            throw new LighterSigningException($"The seed must be at least 32 bytes, got {seed.Length}.", "seed");
        }

        var input = GC.AllocateArray<byte>(seed.Length + 1, pinned: true);
        Span<byte> digest = stackalloc byte[2 * SHA256.HashSizeInBytes];
        Span<byte> littleEndian = stackalloc byte[Scalar.ByteLength];
        try
        {
            seed.CopyTo(input.AsSpan(1));
            input[0] = 1;
            SHA256.HashData(input, digest);
            input[0] = 2;
            SHA256.HashData(input, digest[SHA256.HashSizeInBytes..]);

            // The first 40 digest bytes form a big-endian integer; scalars are little-endian.
            digest[..Scalar.ByteLength].CopyTo(littleEndian);
            littleEndian.Reverse();
            var scalar = Scalar.FromLittleEndianBytesReduced(littleEndian);
            if (scalar.IsZero)
            {
                throw new LighterSigningException("The seed derives a zero key.", "seed");
            }

            return new LighterPrivateKey(scalar);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(input);
            CryptographicOperations.ZeroMemory(digest);
            CryptographicOperations.ZeroMemory(littleEndian);
        }
    }

    /// <summary>
    /// Exports the canonical key as 80 lowercase hex digits without <c>0x</c>. This is the only way the secret leaves
    /// the object; treat the returned string as a secret.
    /// </summary>
    /// <returns>The hex-encoded private key.</returns>
    /// <exception cref="ObjectDisposedException">The key was disposed.</exception>
    public string ExportHex()
    {
        ThrowIfDisposed();
        return Convert.ToHexStringLower(_secret);
    }

    /// <summary>A redacted description that never contains the secret.</summary>
    /// <returns>The public key and a redaction marker.</returns>
    public override string ToString() => Volatile.Read(ref _disposed) != 0
        ? "LighterPrivateKey(disposed)"
        : $"LighterPrivateKey(***, public key {_publicKey.ToHex()})";

    /// <summary>Zeroes the secret; any later use throws <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            CryptographicOperations.ZeroMemory(_secret);
        }
    }

    /// <summary>The secret scalar (callers keep it on the stack only).</summary>
    internal Scalar GetScalar()
    {
        ThrowIfDisposed();
        return Scalar.FromLittleEndianBytesReduced(_secret);
    }

    /// <summary>The canonical 40 secret bytes (the HMAC key of hedged nonces).</summary>
    internal ReadOnlySpan<byte> SecretBytes
    {
        get
        {
            ThrowIfDisposed();
            return _secret;
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
}
