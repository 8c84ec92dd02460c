using System.Runtime.CompilerServices;

namespace Lighter.Signing.Crypto;

/// <summary>
/// Poseidon2 over Goldilocks as used by Lighter (width 12, rate 8, S-box x^7, 8 full + 22 partial rounds, the
/// official constants) and the no-padding overwrite sponge built on it.
/// </summary>
/// <remarks>Inputs may be non-canonical <see cref="ulong"/> values (taken mod p); outputs are canonical.</remarks>
internal static class Poseidon2
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
            state12[0] = SBox(Goldilocks.AddBranchFree(state12[0], internalConstants[r]));
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
        var x2 = Goldilocks.MulBranchFree(x, x);
        var x3 = Goldilocks.MulBranchFree(x2, x);
        var x4 = Goldilocks.MulBranchFree(x2, x2);
        return Goldilocks.MulBranchFree(x3, x4);
    }

    private static void FullRound(Span<ulong> s, ReadOnlySpan<ulong> constants)
    {
        for (var i = 0; i < Width; i++)
        {
            s[i] = SBox(Goldilocks.AddBranchFree(s[i], constants[i]));
        }

        ExternalLayer(s);
    }

    /// <summary>
    /// circ(2·M4, M4, M4): M4 on each block of four, then add the column sums over the three blocks. The map is
    /// applied exactly (in integers) to the low and high 32-bit halves separately: coefficients sum to at most 28, so
    /// no half-sum reaches 2^37 and nothing overflows; each output is then reduced once.
    /// </summary>
    private static void ExternalLayer(Span<ulong> s)
    {
        Span<ulong> lo = stackalloc ulong[Width];
        Span<ulong> hi = stackalloc ulong[Width];
        for (var i = 0; i < Width; i++)
        {
            lo[i] = s[i] & Goldilocks.Epsilon;
            hi[i] = s[i] >> 32;
        }

        MixExact(lo);
        MixExact(hi);
        for (var i = 0; i < Width; i++)
        {
            s[i] = Goldilocks.Recombine32(lo[i], hi[i]);
        }
    }

    /// <summary>The external matrix on small integers (no modular reduction needed).</summary>
    private static void MixExact(Span<ulong> v)
    {
        v = v[..Width];
        M4(ref v[0], ref v[1], ref v[2], ref v[3]);
        M4(ref v[4], ref v[5], ref v[6], ref v[7]);
        M4(ref v[8], ref v[9], ref v[10], ref v[11]);
        var c0 = v[0] + v[4] + v[8];
        var c1 = v[1] + v[5] + v[9];
        var c2 = v[2] + v[6] + v[10];
        var c3 = v[3] + v[7] + v[11];
        v[0] += c0;
        v[1] += c1;
        v[2] += c2;
        v[3] += c3;
        v[4] += c0;
        v[5] += c1;
        v[6] += c2;
        v[7] += c3;
        v[8] += c0;
        v[9] += c1;
        v[10] += c2;
        v[11] += c3;
    }

    /// <summary>M4 = [[2,3,1,1],[1,2,3,1],[1,1,2,3],[3,1,1,2]] (circulant): yᵢ = Σx + xᵢ + 2·xᵢ₊₁.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void M4(ref ulong x0, ref ulong x1, ref ulong x2, ref ulong x3)
    {
        var sum = x0 + x1 + x2 + x3;
        var y0 = sum + x0 + (x1 << 1);
        var y1 = sum + x1 + (x2 << 1);
        var y2 = sum + x2 + (x3 << 1);
        var y3 = sum + x3 + (x0 << 1);
        x0 = y0;
        x1 = y1;
        x2 = y2;
        x3 = y3;
    }

    /// <summary>sᵢ ← sᵢ·Dᵢ + Σⱼ sⱼ, each output reduced once from 128 bits.</summary>
    private static void InternalLayer(Span<ulong> s, ReadOnlySpan<ulong> diagonal)
    {
        s = s[..Width];
        diagonal = diagonal[..Width];
        ulong lo = 0, hi = 0;
        for (var i = 0; i < Width; i++)
        {
            lo += s[i] & Goldilocks.Epsilon;
            hi += s[i] >> 32;
        }

        var sum = Goldilocks.Recombine32(lo, hi);
        for (var i = 0; i < Width; i++)
        {
            var productHi = Goldilocks.MulWide(s[i], diagonal[i], out var productLo);
            var total = unchecked(productLo + sum);
            // The high half of a 64x64 product is at most 2^64 - 2, so the carry cannot overflow it.
            productHi += (((productLo & sum) | ((productLo | sum) & ~total)) >> 63);
            s[i] = Goldilocks.Reduce128BranchFree(total, productHi);
        }
    }

}
