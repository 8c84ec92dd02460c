using System.Runtime.CompilerServices;

namespace Lighter.Signing.Crypto;

/// <summary>
/// Poseidon2 over Goldilocks as used by Lighter (width 12, rate 8, S-box x^7, 8 full + 22 partial rounds, the
/// official constants) and the no-padding overwrite sponge built on it.
/// </summary>
/// <remarks>Inputs may be non-canonical <see cref="ulong"/> values (taken mod p); outputs are canonical.</remarks>
public static class Poseidon2
{
    /// <summary>State width.</summary>
    public const int Width = 12;

    /// <summary>Sponge rate (elements absorbed or squeezed per permutation).</summary>
    public const int Rate = 8;

    private const int HalfFullRounds = 4;
    private const int PartialRounds = 22;

    /// <summary>Applies the permutation in place.</summary>
    /// <param name="state12">The 12-element state.</param>
    public static void Permute(Span<ulong> state12)
    {
        if (state12.Length != Width)
        {
            throw new LighterSigningException($"The Poseidon2 state has {Width} elements.", nameof(state12));
        }

        var external = Poseidon2Constants.External;
        ExternalLayer(state12);
        for (var r = 0; r < HalfFullRounds; r++)
        {
            FullRound(state12, external.Slice(r * Width, Width));
        }

        var diagonal = Poseidon2Constants.InternalDiagonal;
        var internalConstants = Poseidon2Constants.Internal;
        for (var r = 0; r < PartialRounds; r++)
        {
            state12[0] = SBox(Goldilocks.Add(state12[0], internalConstants[r]));
            InternalLayer(state12, diagonal);
        }

        for (var r = HalfFullRounds; r < 2 * HalfFullRounds; r++)
        {
            FullRound(state12, external.Slice(r * Width, Width));
        }
    }

    /// <summary>
    /// The official <c>HashNToMNoPad</c>: overwrite-mode sponge without padding. Chunks of up to 8 inputs
    /// overwrite the front of the state (later slots keep their values), each followed by a permutation; outputs
    /// are squeezed 8 at a time. Empty input performs no permutation (outputs are zeros).
    /// </summary>
    /// <param name="input">Field elements to absorb.</param>
    /// <param name="output">Receives canonical outputs; its length is the number squeezed.</param>
    public static void HashNToMNoPad(ReadOnlySpan<ulong> input, Span<ulong> output)
    {
        Span<ulong> state = stackalloc ulong[Width];
        state.Clear();
        for (var i = 0; i < input.Length; i += Rate)
        {
            input.Slice(i, Math.Min(Rate, input.Length - i)).CopyTo(state);
            Permute(state);
        }

        var produced = 0;
        while (true)
        {
            for (var j = 0; j < Rate; j++)
            {
                if (produced == output.Length)
                {
                    return;
                }

                output[produced++] = Goldilocks.ToCanonical(state[j]);
            }

            Permute(state);
        }
    }

    /// <summary>The official <c>HashToQuinticExtension</c>: the first five sponge outputs as a GF(p^5) element.</summary>
    /// <param name="input">Field elements to hash.</param>
    /// <returns>The hash.</returns>
    public static Fp5 HashToQuinticExtension(ReadOnlySpan<ulong> input)
    {
        Span<ulong> output = stackalloc ulong[5];
        HashNToMNoPad(input, output);
        return new Fp5(output[0], output[1], output[2], output[3], output[4]);
    }

    /// <summary>The official <c>HashNoPad</c> (<c>HashNToHashNoPad</c>): the first four sponge outputs.</summary>
    /// <param name="input">Field elements to hash.</param>
    /// <param name="output4">Receives four canonical elements.</param>
    public static void HashNoPad(ReadOnlySpan<ulong> input, Span<ulong> output4)
    {
        if (output4.Length < 4)
        {
            throw new LighterSigningException("A Poseidon2 hash output has 4 elements.", nameof(output4));
        }

        HashNToMNoPad(input, output4[..4]);
    }

    /// <summary>The official <c>HashTwoToOne</c>: <c>HashNoPad(left ‖ right)</c> of two 4-element hashes.</summary>
    /// <param name="left4">Left hash (4 elements).</param>
    /// <param name="right4">Right hash (4 elements).</param>
    /// <param name="output4">Receives four canonical elements (may alias an input).</param>
    public static void HashTwoToOne(ReadOnlySpan<ulong> left4, ReadOnlySpan<ulong> right4, Span<ulong> output4)
    {
        if (left4.Length != 4 || right4.Length != 4)
        {
            throw new LighterSigningException(
                "HashTwoToOne takes two 4-element hashes.", left4.Length != 4 ? nameof(left4) : nameof(right4));
        }

        Span<ulong> both = stackalloc ulong[8];
        left4.CopyTo(both);
        right4.CopyTo(both[4..]);
        HashNoPad(both, output4);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SBox(ulong x)
    {
        var x2 = Goldilocks.Mul(x, x);
        var x3 = Goldilocks.Mul(x2, x);
        var x4 = Goldilocks.Mul(x2, x2);
        return Goldilocks.Mul(x3, x4);
    }

    private static void FullRound(Span<ulong> s, ReadOnlySpan<ulong> constants)
    {
        for (var i = 0; i < Width; i++)
        {
            s[i] = SBox(Goldilocks.Add(s[i], constants[i]));
        }

        ExternalLayer(s);
    }

    /// <summary>circ(2·M4, M4, M4): M4 on each block of four, then add the column sums over the three blocks.</summary>
    private static void ExternalLayer(Span<ulong> s)
    {
        // Work in 128 bits and reduce once: every output is below 28·2^64.
        M4(s[0], s[1], s[2], s[3], out var y0, out var y1, out var y2, out var y3);
        M4(s[4], s[5], s[6], s[7], out var y4, out var y5, out var y6, out var y7);
        M4(s[8], s[9], s[10], s[11], out var y8, out var y9, out var y10, out var y11);
        var c0 = y0 + y4 + y8;
        var c1 = y1 + y5 + y9;
        var c2 = y2 + y6 + y10;
        var c3 = y3 + y7 + y11;
        s[0] = Reduce(y0 + c0);
        s[1] = Reduce(y1 + c1);
        s[2] = Reduce(y2 + c2);
        s[3] = Reduce(y3 + c3);
        s[4] = Reduce(y4 + c0);
        s[5] = Reduce(y5 + c1);
        s[6] = Reduce(y6 + c2);
        s[7] = Reduce(y7 + c3);
        s[8] = Reduce(y8 + c0);
        s[9] = Reduce(y9 + c1);
        s[10] = Reduce(y10 + c2);
        s[11] = Reduce(y11 + c3);
    }

    /// <summary>M4 = [[2,3,1,1],[1,2,3,1],[1,1,2,3],[3,1,1,2]] (circulant): yᵢ = Σx + xᵢ + 2·xᵢ₊₁.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void M4(
        ulong x0, ulong x1, ulong x2, ulong x3, out UInt128 y0, out UInt128 y1, out UInt128 y2, out UInt128 y3)
    {
        var sum = (UInt128)x0 + x1 + x2 + x3;
        y0 = sum + x0 + ((UInt128)x1 << 1);
        y1 = sum + x1 + ((UInt128)x2 << 1);
        y2 = sum + x2 + ((UInt128)x3 << 1);
        y3 = sum + x3 + ((UInt128)x0 << 1);
    }

    /// <summary>sᵢ ← sᵢ·Dᵢ + Σⱼ sⱼ, each output reduced once from 128 bits.</summary>
    private static void InternalLayer(Span<ulong> s, ReadOnlySpan<ulong> diagonal)
    {
        UInt128 total = 0;
        for (var i = 0; i < Width; i++)
        {
            total += s[i];
        }

        var sum = Reduce(total);
        for (var i = 0; i < Width; i++)
        {
            var hi = Math.BigMul(s[i], diagonal[i], out var lo);
            lo = unchecked(lo + sum);
            hi += lo < sum ? 1UL : 0UL; // the high half of a 64x64 product is at most 2^64 - 2
            s[i] = Goldilocks.Reduce128(lo, hi);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Reduce(UInt128 value) => Goldilocks.Reduce96((ulong)value, (ulong)(value >> 64));
}
