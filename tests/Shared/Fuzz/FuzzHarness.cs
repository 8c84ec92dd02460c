using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Lighter.Tests.Fuzz;

/// <summary>
/// The seeded mutation fuzzer of every parser fuzz test (linked into Lighter.Signing.Tests and Lighter.Client.Tests;
/// base library and xunit only). Inputs are valid corpus entries mutated (bit flips, truncation, invalid UTF-8, lone
/// surrogates as escapes and as text, deep <c>[</c> and <c>{"a":</c> nesting, huge and hostile numbers, structural
/// characters, escape and channel tokens, duplicated and deleted slices) and, one input in eight, random bytes.
/// </summary>
/// <remarks>
/// <para>
/// CI mode: every run feeds the same inputs, from the fixed seeds in <see cref="Seeds"/>, a few thousand per test
/// (seconds in total), so a failure reproduces.
/// </para>
/// <para>
/// Long mode: <c>LIGHTER_FUZZ_ITERATIONS=1000000 dotnet test tests/Lighter.Client.Tests --filter Category=Fuzz</c>
/// (and the same for <c>tests/Lighter.Signing.Tests</c>). <c>LIGHTER_FUZZ_ITERATIONS</c> sets the inputs per seed;
/// <c>LIGHTER_FUZZ_SEED=n</c> adds one seed (e.g. a time-based one) to the fixed set. A failure names the test, the
/// seed, the input index and the input as base64, so it can be replayed.
/// </para>
/// </remarks>
internal static class FuzzHarness
{
    /// <summary>Inputs never grow beyond this (splices and nesting are capped).</summary>
    public const int MaxInputBytes = 64 * 1024;

    /// <summary>The whole run fails (instead of hanging) after this unless a test names another bound.</summary>
    public static readonly TimeSpan DefaultRunTimeout = TimeSpan.FromMinutes(30);

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xFE, 0xFF], [0xC0, 0x80], [0xC0, 0xAF], [0xC3, 0x28], [0x80], [0xE2, 0x82], [0xED, 0xA0, 0x80],
        [0xF0, 0x28, 0x8C, 0xBC], [0xF4, 0x90, 0x80, 0x80], [0x00],
    ];

    private const string Structural = "{}[]:,\"\\0-e.";

    /// <summary>Replace a number: out of range for every integer type, non-finite as double, not JSON numbers.</summary>
    private static readonly string[] HostileNumbers =
    [
        "99999999999999999999999999999999", "123456789012345678901234567890123456789", "-9223372036854775809",
        "9223372036854775808", "18446744073709551616", "79228162514264337593543950336", "1e309", "1E+400", "1e999999",
        "0.0000000000000000000000000000001", "-0", "1.5", "-", "0x10", "NaN", "null", "true", "\"x\"", "{}", "[]",
    ];

    /// <summary>Inserted anywhere: escapes (lone surrogates, NUL), structure, and the frame vocabulary of the client.</summary>
    private static readonly string[] Tokens =
    [
        "\\ud800", "\\udfff", "\\u0000", "\"\\uD800\"", "\"\\u0000\"", "\\\"", "\"", ",", ":", "{", "}", "[", "]", "null",
        "true", "\"\"", "\"order_book:0\"", "\"order_book:99999999999\"", "\"update/order_book\"", "\"subscribed/order_book\"",
        "\"jsonapi/sendtx\"", "\"error\"", "\"price\"", "\"size\"",
    ];

    /// <summary>Fixed seeds 1, 2, 3 and 20261206, plus <c>LIGHTER_FUZZ_SEED</c> when set.</summary>
    public static IReadOnlyList<int> Seeds { get; } = BuildSeeds();

    /// <summary>Inputs per seed: <c>LIGHTER_FUZZ_ITERATIONS</c> when set, else <paramref name="ciDefault"/>.</summary>
    public static int Iterations(int ciDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable("LIGHTER_FUZZ_ITERATIONS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : ciDefault;

    /// <summary>UTF-8 bytes of textual seeds (frames, bodies).</summary>
    public static byte[][] Utf8(IEnumerable<string> seeds) => [.. seeds.Select(Encoding.UTF8.GetBytes)];

    /// <summary>
    /// Runs <paramref name="target"/> over the corpus: once unmeasured (warm-up: JIT, serializer metadata), once
    /// measured over the unmutated entries, then <paramref name="iterationsPerSeed"/> mutated inputs per seed in
    /// <see cref="Seeds"/>. Per input, an exception <paramref name="allowed"/> rejects, more time than
    /// <paramref name="maxTimePerInput"/>, or more allocation on the calling thread than
    /// <paramref name="maxBytes"/> + <paramref name="maxBytesPerInputByte"/> × input length fails the test with the
    /// seed and the input. The whole run fails after <paramref name="runTimeout"/> (default <see cref="DefaultRunTimeout"/>).
    /// </summary>
    public static async Task RunAsync(
        string name, IReadOnlyList<byte[]> corpus, int iterationsPerSeed, Action<byte[]> target, Func<Exception, bool> allowed,
        TimeSpan maxTimePerInput, long maxBytes, long maxBytesPerInputByte = 0, TimeSpan? runTimeout = null)
    {
        var limit = new Limits(name, target, allowed, maxTimePerInput, maxBytes, maxBytesPerInputByte);
        var timeout = runTimeout ?? DefaultRunTimeout;
        var run = Task.Factory.StartNew(
            () => Loop(limit, corpus, iterationsPerSeed), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            await run.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{name}: fuzz run did not finish within {timeout}; a parser hangs.");
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

    /// <summary>One to four stacked mutations of a corpus entry, or (one in eight) random bytes.</summary>
    public static byte[] Next(Random random, IReadOnlyList<byte[]> corpus)
    {
        if (corpus.Count == 0 || random.Next(8) == 0)
        {
            var noise = new byte[random.Next(0, 300)];
            random.NextBytes(noise);
            return noise;
        }

        var bytes = new List<byte>(corpus[random.Next(corpus.Count)]);
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            Mutate(random, bytes);
            if (bytes.Count > MaxInputBytes)
            {
                bytes.RemoveRange(MaxInputBytes, bytes.Count - MaxInputBytes);
            }
        }

        return [.. bytes];
    }

    private static void Loop(Limits limits, IReadOnlyList<byte[]> corpus, int iterationsPerSeed)
    {
        foreach (var input in corpus)
        {
            try
            {
                limits.Target(input);
            }
            catch (Exception ex) when (limits.Allowed(ex))
            {
            }
        }

        foreach (var input in corpus)
        {
            Check(limits, input, "unmutated seed");
        }

        foreach (var seed in Seeds)
        {
            var random = new Random(seed);
            for (var i = 0; i < iterationsPerSeed; i++)
            {
                Check(limits, Next(random, corpus), $"seed {seed}, input {i}");
            }
        }
    }

    private static void Check(Limits limits, byte[] input, string where)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        try
        {
            limits.Target(input);
        }
        catch (Exception ex) when (limits.Allowed(ex))
        {
        }
        catch (Exception ex)
        {
            Assert.Fail($"{limits.Name}: {where}: not allowed {ex.GetType().Name} ({ex.Message})\ninput (base64): {Show(input)}\n{ex}");
        }

        var elapsed = clock.Elapsed;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(elapsed <= limits.MaxTime,
            $"{limits.Name}: {where}: took {elapsed.TotalMilliseconds:0} ms (bound {limits.MaxTime.TotalMilliseconds:0})\ninput (base64): {Show(input)}");
        var bound = limits.MaxBytes + (limits.MaxBytesPerInputByte * input.Length);
        Assert.True(allocated <= bound,
            $"{limits.Name}: {where}: allocated {allocated} bytes for {input.Length} input bytes (bound {bound})\ninput (base64): {Show(input)}");
    }

    private static void Mutate(Random random, List<byte> bytes)
    {
        var at = random.Next(bytes.Count + 1);
        switch (random.Next(11))
        {
            case 0: // bit flips
                for (var n = random.Next(1, 9); n > 0 && bytes.Count > 0; n--)
                {
                    bytes[random.Next(bytes.Count)] ^= (byte)(1 << random.Next(8));
                }

                break;
            case 1: // truncation
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case 2: // invalid UTF-8 (overlong, lone continuation, truncated, CESU-8 surrogate, beyond U+10FFFF, NUL)
                bytes.InsertRange(at, InvalidUtf8[random.Next(InvalidUtf8.Length)]);
                break;
            case 3: // a number replaced by a hostile number token
                ReplaceNumber(random, bytes, HostileNumbers[random.Next(HostileNumbers.Length)]);
                break;
            case 4: // a huge digit run
                bytes.InsertRange(at, Encoding.ASCII.GetBytes(new string('9', random.Next(20, 400))));
                break;
            case 5: // deep nesting, [ or {"a":, sometimes closed
                var depth = random.Next(3) switch { 0 => 70, 1 => 5000, _ => random.Next(10, 2000) };
                var (open, close) = random.Next(2) == 0 ? ("[", "]") : ("{\"a\":", "}");
                var closed = random.Next(2) == 0 ? string.Concat(Enumerable.Repeat(close, depth)) : "";
                bytes.InsertRange(at, Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(open, depth)) + closed));
                break;
            case 6: // an escape, structure or channel token
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]));
                break;
            case 7 when bytes.Count > 0: // an ASCII structural character overwrites a byte
                bytes[random.Next(bytes.Count)] = (byte)Structural[random.Next(Structural.Length)];
                break;
            case 8 when bytes.Count > 1: // splice: a slice duplicated elsewhere (repeated fields, long arrays)
                var from = random.Next(bytes.Count);
                bytes.InsertRange(at, bytes.GetRange(from, random.Next(1, Math.Min(bytes.Count - from, 512) + 1)));
                break;
            case 9 when bytes.Count > 1: // a slice deleted
                var start = random.Next(bytes.Count);
                bytes.RemoveRange(start, random.Next(1, Math.Min(bytes.Count - start, 64) + 1));
                break;
            default: // a random byte, inserted or overwriting
                if (bytes.Count > 0 && random.Next(2) == 0)
                {
                    bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                }
                else
                {
                    bytes.Insert(at, (byte)random.Next(256));
                }

                break;
        }
    }

    private static void ReplaceNumber(Random random, List<byte> bytes, string token)
    {
        var starts = new List<int>();
        for (var i = 0; i < bytes.Count; i++)
        {
            if (bytes[i] is >= (byte)'0' and <= (byte)'9' && (i == 0 || bytes[i - 1] is < (byte)'0' or > (byte)'9'))
            {
                starts.Add(i);
            }
        }

        var at = starts.Count > 0 ? starts[random.Next(starts.Count)] : random.Next(bytes.Count + 1);
        var end = at;
        while (end < bytes.Count && bytes[end] is >= (byte)'0' and <= (byte)'9')
        {
            end++;
        }

        bytes.RemoveRange(at, end - at);
        bytes.InsertRange(at, Encoding.ASCII.GetBytes(token));
    }

    private static int[] BuildSeeds()
    {
        int[] seeds = [1, 2, 3, 20261206];
        return int.TryParse(Environment.GetEnvironmentVariable("LIGHTER_FUZZ_SEED"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var extra)
            ? [.. seeds, extra]
            : seeds;
    }

    private static string Show(byte[] input) =>
        input.Length <= 600 ? Convert.ToBase64String(input) : Convert.ToBase64String(input[..600]) + $"… ({input.Length} bytes)";

    private sealed record Limits(
        string Name, Action<byte[]> Target, Func<Exception, bool> Allowed, TimeSpan MaxTime, long MaxBytes, long MaxBytesPerInputByte);
}
