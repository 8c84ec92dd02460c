using System.Buffers;

namespace Lighter.Signing;

/// <summary>Strict decoding of 40-byte keys written as hex (optional <c>0x</c>), never echoing the input.</summary>
internal static class KeyHex
{
    internal const int KeyBytes = 40;

    /// <summary>Decodes exactly 40 bytes of hex into <paramref name="destination"/> or throws naming the field.</summary>
    internal static void Decode(string? hex, Span<byte> destination, string field, string what)
    {
        if (hex is null)
        {
            throw new LighterSigningException($"The {what} is missing.", field);
        }

        var digits = hex.AsSpan().Trim();
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[2..];
        }

        if (digits.Length != 2 * KeyBytes)
        {
            throw new LighterSigningException(
                $"The {what} must be {KeyBytes} bytes ({2 * KeyBytes} hex digits, optional 0x), got {digits.Length} digits.",
                field);
        }

        var status = Convert.FromHexString(digits, destination[..KeyBytes], out _, out _);
        if (status != OperationStatus.Done)
        {
            destination[..KeyBytes].Clear();
            throw new LighterSigningException($"The {what} contains characters that are not hex digits.", field);
        }
    }
}
