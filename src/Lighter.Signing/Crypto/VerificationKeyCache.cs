namespace Lighter.Signing.Crypto;

/// <summary>
/// The few public keys a thread verified last, most recent first, so verifying several signatures of one key
/// (the common case) skips point decoding and reuses the key's tables (<see cref="VerificationKey"/>). Per
/// thread, so no locks; only public data is cached.
/// </summary>
internal static class VerificationKeyCache
{
    /// <summary>Keys remembered per thread (each split key holds 256 affine points, 20 KB).</summary>
    internal const int Capacity = 4;

    [ThreadStatic]
    private static VerificationKey?[]? t_recent;

    /// <summary>
    /// The prepared key, or null if <paramref name="publicKey"/> does not decode to a point or is the neutral point
    /// (encoding 0 = <c>0·G</c>, which accepts a signature made without any secret). The neutral check runs only on a
    /// cache miss, never per signature of a known key.
    /// </summary>
    internal static VerificationKey? Get(in Fp5 publicKey)
    {
        var recent = t_recent ??= new VerificationKey?[Capacity];
        for (var i = 0; i < recent.Length; i++)
        {
            var entry = recent[i];
            if (entry is null)
            {
                break;
            }

            if (entry.Encoded == publicKey)
            {
                MoveToFront(recent, i, entry);
                return entry;
            }
        }

        if (publicKey.IsZero)
        {
            return null;
        }

        var created = VerificationKey.TryCreate(publicKey);
        if (created is not null)
        {
            MoveToFront(recent, recent.Length - 1, created);
        }

        return created;
    }

    private static void MoveToFront(VerificationKey?[] recent, int from, VerificationKey entry)
    {
        for (var i = from; i > 0; i--)
        {
            recent[i] = recent[i - 1];
        }

        recent[0] = entry;
    }
}
