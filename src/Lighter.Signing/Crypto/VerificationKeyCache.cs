namespace Lighter.Signing.Crypto;

/// <summary>
/// Remembers, per thread, the decoded public key and its multiplication window from the last verification, so
/// that verifying several signatures of one key (the common case) skips point decoding and window building.
/// Only public data is cached.
/// </summary>
internal static class VerificationKeyCache
{
    /// <summary>Signed 7-bit digits: a 64-point window cuts the additions of a verification from 64 to 46.</summary>
    private const int WindowPoints = 64;

    [ThreadStatic]
    private static Entry? t_last;

    /// <summary>The window of i·P for the key, or false if the key does not decode.</summary>
    internal static bool TryGetWindow(in Fp5 publicKey, out ReadOnlySpan<AffinePoint> window)
    {
        var last = t_last;
        if (last is not null && last.Key == publicKey)
        {
            window = last.Window;
            return true;
        }

        if (!EcPoint.TryDecode(publicKey, out var point))
        {
            window = default;
            return false;
        }

        var entry = new Entry(publicKey, new AffinePoint[WindowPoints]);
        EcPoint.MakeWindow(point, entry.Window);
        t_last = entry;
        window = entry.Window;
        return true;
    }

    private sealed record Entry(Fp5 Key, AffinePoint[] Window);
}
