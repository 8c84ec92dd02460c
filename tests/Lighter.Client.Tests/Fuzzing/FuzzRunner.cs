using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Lighter.Client.Tests.Fuzzing;

/// <summary>
/// Runs a parser over mutated inputs from a fixed seed set and checks, per input: only documented exceptions (the
/// target decides), bounded time, bounded allocation on the calling thread.
/// </summary>
/// <remarks>
/// CI runs <see cref="DefaultIterations"/> inputs per seed. Long mode: set <c>LIGHTER_FUZZ_ITERATIONS</c> (e.g.
/// <c>LIGHTER_FUZZ_ITERATIONS=1000000 dotnet test tests/Lighter.Client.Tests --filter Category=Fuzz</c>); set
/// <c>LIGHTER_FUZZ_SEED</c> to add one more seed (e.g. a time-based one) to the fixed set.
/// </remarks>
internal static class FuzzRunner
{
    public const int DefaultIterations = 1500;

    /// <summary>Fixed seeds: every CI run sees the same inputs, so a failure reproduces.</summary>
    public static IReadOnlyList<int> Seeds { get; } = BuildSeeds();

    /// <summary>Ceiling for one input; generous because CI shares two cores, yet far below anything that hangs.</summary>
    public static readonly TimeSpan PerInputLimit = TimeSpan.FromSeconds(2);

    public static int Iterations { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("LIGHTER_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : DefaultIterations;

    /// <summary>
    /// Feeds every seed frame once, then <see cref="Iterations"/> mutations per fixed seed, to <paramref name="target"/>.
    /// </summary>
    /// <param name="seeds">Valid frames to mutate.</param>
    /// <param name="target">The parser call; it throws only if the parser broke its contract.</param>
    /// <param name="allocationBound">Most bytes one input may allocate, given its length.</param>
    public static void Run(IReadOnlyList<string> seeds, Action<byte[]> target, Func<int, long> allocationBound)
    {
        var frames = seeds.Select(Encoding.UTF8.GetBytes).ToArray();

        // Warm-up, not measured: the first call per record type pays for JIT and serializer metadata (~650 KB).
        foreach (var frame in frames)
        {
            target(frame);
        }

        foreach (var frame in frames)
        {
            Check(frame, target, allocationBound, seed: null, index: -1);
        }

        foreach (var seed in Seeds)
        {
            var mutator = new FrameMutator(frames, new Random(seed));
            for (var i = 0; i < Iterations; i++)
            {
                Check(mutator.Next(), target, allocationBound, seed, i);
            }
        }
    }

    private static void Check(byte[] input, Action<byte[]> target, Func<int, long> allocationBound, int? seed, int index)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        try
        {
            target(input);
        }
        catch (Exception ex)
        {
            throw new FuzzFailure($"seed {seed}, input {index}: {ex.GetType().Name}: {ex.Message}\ninput (base64): {Convert.ToBase64String(input)}", ex);
        }

        var elapsed = clock.Elapsed;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (elapsed > PerInputLimit)
        {
            throw new FuzzFailure($"seed {seed}, input {index}: took {elapsed.TotalMilliseconds:0} ms\ninput (base64): {Convert.ToBase64String(input)}", null);
        }

        var bound = allocationBound(input.Length);
        if (allocated > bound)
        {
            throw new FuzzFailure($"seed {seed}, input {index}: allocated {allocated} bytes for {input.Length} input bytes (bound {bound})\ninput (base64): {Convert.ToBase64String(input)}", null);
        }
    }

    private static int[] BuildSeeds()
    {
        int[] seeds = [1, 2, 3];
        return int.TryParse(Environment.GetEnvironmentVariable("LIGHTER_FUZZ_SEED"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var extra)
            ? [.. seeds, extra]
            : seeds;
    }
}

/// <summary>A fuzz input broke a parser's contract; the message holds the seed and the input to reproduce it.</summary>
internal sealed class FuzzFailure(string message, Exception? inner) : Exception(message, inner);
