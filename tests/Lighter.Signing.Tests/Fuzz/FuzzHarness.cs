using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Lighter.Signing.Tests.Fuzz;

/// <summary>
/// A small seeded mutation fuzzer shared by the parser fuzz tests. CI runs a fixed number of inputs from a fixed
/// seed (a few seconds in total); set <c>LIGHTER_FUZZ_ITERATIONS=1000000</c> (and optionally
/// <c>LIGHTER_FUZZ_SEED=n</c>) for a long run. A failure message names the seed, the iteration and the input, so
/// it can be replayed.
/// </summary>
internal static class FuzzHarness
{
    /// <summary>The seed of CI runs; <c>LIGHTER_FUZZ_SEED</c> overrides it.</summary>
    public const int DefaultSeed = 20261206;

    /// <summary>Inputs never grow beyond this (splices and nesting are capped).</summary>
    public const int MaxInputBytes = 64 * 1024;

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xC0, 0x80], [0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x00],
    ];

    private const string Structural = "{}[]:,\"\\0-e.";

    private static readonly string[] Tokens =
    [
        "99999999999999999999999999999999", "-9223372036854775809", "18446744073709551616", "1e309", "-0", "1.5",
        "null", "true", "\"x\"", "{}", "[]", "\"\\u0000\"", "\"\\uD800\"", "-", "0x10", "NaN",
    ];

    /// <summary>Iterations for this run: <c>LIGHTER_FUZZ_ITERATIONS</c> when set, else <paramref name="ciDefault"/>.</summary>
    public static int Iterations(int ciDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable("LIGHTER_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : ciDefault;

    /// <summary>The seed for this run.</summary>
    public static int Seed =>
        int.TryParse(Environment.GetEnvironmentVariable("LIGHTER_FUZZ_SEED"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s)
            ? s
            : DefaultSeed;

    /// <summary>
    /// Feeds <paramref name="iterations"/> inputs (mutated corpus entries, and one in eight pure random bytes) to
    /// <paramref name="target"/>. An exception not accepted by <paramref name="documented"/>, an input that takes longer
    /// than <paramref name="maxTimePerInput"/>, or one that allocates more than <paramref name="maxBytesPerInput"/>
    /// fails the test with the input. The whole run also fails (instead of hanging) after <paramref name="totalTimeout"/>.
    /// </summary>
    public static async Task RunAsync(
        string name, IReadOnlyList<byte[]> corpus, int iterations, Action<byte[]> target, Func<Exception, bool> documented,
        long maxBytesPerInput, TimeSpan maxTimePerInput, TimeSpan totalTimeout)
    {
        var seed = Seed;
        var run = Task.Factory.StartNew(
            () => Loop(name, corpus, iterations, seed, target, documented, maxBytesPerInput, maxTimePerInput),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            await run.WaitAsync(totalTimeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{name}: fuzz run did not finish within {totalTimeout} (seed {seed}); a parser hangs.");
        }
    }

    /// <summary>Decodes fuzz bytes as text; one input in eight also gets a lone UTF-16 surrogate.</summary>
    public static string AsText(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        if (input.Length > 0 && input[0] % 8 == 3)
        {
            text = text.Insert(input.Length % (text.Length + 1), "\uD800");
        }

        return text;
    }

    /// <summary>One mutation (or a few stacked) of a corpus entry, or random bytes.</summary>
    public static byte[] Next(Random random, IReadOnlyList<byte[]> corpus)
    {
        if (corpus.Count == 0 || random.Next(8) == 0)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            return bytes;
        }

        var input = corpus[random.Next(corpus.Count)];
        var rounds = 1 + random.Next(3);
        for (var i = 0; i < rounds; i++)
        {
            input = Mutate(random, input);
        }

        return input.Length > MaxInputBytes ? input[..MaxInputBytes] : input;
    }

    private static void Loop(
        string name, IReadOnlyList<byte[]> corpus, int iterations, int seed, Action<byte[]> target,
        Func<Exception, bool> documented, long maxBytesPerInput, TimeSpan maxTimePerInput)
    {
        var random = new Random(seed);
        var clock = new Stopwatch();
        for (var i = 0; i < iterations; i++)
        {
            var input = Next(random, corpus);
            var before = GC.GetAllocatedBytesForCurrentThread();
            clock.Restart();
            try
            {
                target(input);
            }
            catch (Exception ex) when (documented(ex))
            {
            }
            catch (Exception ex)
            {
                Assert.Fail($"{name}: undocumented {ex.GetType().Name} ({ex.Message}) at iteration {i}, seed {seed}, input {Show(input)}\n{ex}");
            }

            var elapsed = clock.Elapsed;
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated <= maxBytesPerInput,
                $"{name}: {allocated} bytes allocated (bound {maxBytesPerInput}) at iteration {i}, seed {seed}, input {Show(input)}");
            Assert.True(elapsed <= maxTimePerInput,
                $"{name}: {elapsed.TotalMilliseconds} ms (bound {maxTimePerInput.TotalMilliseconds}) at iteration {i}, seed {seed}, input {Show(input)}");
        }
    }

    private static byte[] Mutate(Random random, byte[] input)
    {
        var bytes = new List<byte>(input);
        switch (random.Next(9))
        {
            case 0: // bit flips
                for (var n = 1 + random.Next(8); n > 0 && bytes.Count > 0; n--)
                {
                    var at = random.Next(bytes.Count);
                    bytes[at] ^= (byte)(1 << random.Next(8));
                }

                break;
            case 1: // truncation
                var cut = random.Next(bytes.Count + 1);
                bytes.RemoveRange(cut, bytes.Count - cut);
                break;
            case 2: // invalid UTF-8
                bytes.InsertRange(random.Next(bytes.Count + 1), InvalidUtf8[random.Next(InvalidUtf8.Length)]);
                break;
            case 3: // a number or value replaced by a hostile token
                ReplaceNumber(random, bytes, Tokens[random.Next(Tokens.Length)]);
                break;
            case 4: // deep nesting around a value or at the start
                var depth = random.Next(2) == 0 ? 70 : 5000;
                var at2 = random.Next(bytes.Count + 1);
                bytes.InsertRange(at2, Encoding.ASCII.GetBytes(new string('[', depth) + new string(']', random.Next(2) * depth)));
                break;
            case 5: // splice: duplicate a segment somewhere else
                if (bytes.Count > 1)
                {
                    var from = random.Next(bytes.Count);
                    var length = random.Next(1, Math.Min(bytes.Count - from, 512) + 1);
                    bytes.InsertRange(random.Next(bytes.Count + 1), bytes.GetRange(from, length));
                }

                break;
            case 6: // delete a segment
                if (bytes.Count > 1)
                {
                    var from = random.Next(bytes.Count);
                    bytes.RemoveRange(from, random.Next(1, Math.Min(bytes.Count - from, 64) + 1));
                }

                break;
            case 7: // an ASCII structural character
                if (bytes.Count > 0)
                {
                    bytes[random.Next(bytes.Count)] = (byte)Structural[random.Next(Structural.Length)];
                }

                break;
            default: // a random byte
                if (bytes.Count > 0)
                {
                    bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                }

                break;
        }

        return [.. bytes];
    }

    private static void ReplaceNumber(Random random, List<byte> bytes, string token)
    {
        var digits = new List<int>();
        for (var i = 0; i < bytes.Count; i++)
        {
            if (bytes[i] is >= (byte)'0' and <= (byte)'9' && (i == 0 || bytes[i - 1] is < (byte)'0' or > (byte)'9'))
            {
                digits.Add(i);
            }
        }

        var at = digits.Count > 0 ? digits[random.Next(digits.Count)] : random.Next(bytes.Count + 1);
        var end = at;
        while (end < bytes.Count && bytes[end] is >= (byte)'0' and <= (byte)'9')
        {
            end++;
        }

        bytes.RemoveRange(at, end - at);
        bytes.InsertRange(at, Encoding.ASCII.GetBytes(token));
    }

    private static string Show(byte[] input) =>
        input.Length <= 600 ? Convert.ToBase64String(input) : Convert.ToBase64String(input[..600]) + $"… ({input.Length} bytes, base64)";
}
