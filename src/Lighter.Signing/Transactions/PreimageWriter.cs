using Lighter.Signing.Crypto;

namespace Lighter.Signing.Transactions;

/// <summary>
/// Appends transaction fields as Goldilocks elements. Every integer becomes its two's-complement u64 reduced
/// once mod p (<see cref="Goldilocks.FromInt64"/>), exactly as Go's <c>GoldilocksField(int64)</c>, so −1 maps to
/// 2^32−2, not p−1.
/// </summary>
internal ref struct PreimageWriter
{
    private readonly Span<ulong> _destination;

    public PreimageWriter(Span<ulong> destination)
    {
        _destination = destination;
        Count = 0;
    }

    public int Count { get; private set; }

    public void Add(long value) => _destination[Count++] = Goldilocks.FromInt64(value);

    public void Add(bool value) => Add(value ? 1L : 0L);

    /// <summary>Adds a 64-bit amount as two 32-bit halves, low first (both below 2^32, hence canonical).</summary>
    public void AddSplit(ulong value)
    {
        _destination[Count++] = value & 0xFFFF_FFFF;
        _destination[Count++] = value >> 32;
    }

    /// <summary>Adds already-reduced field elements (a public key's limbs, a hash).</summary>
    public void AddElements(scoped ReadOnlySpan<ulong> elements)
    {
        elements.CopyTo(_destination[Count..]);
        Count += elements.Length;
    }
}
