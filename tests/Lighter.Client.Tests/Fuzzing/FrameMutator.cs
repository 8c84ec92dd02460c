using System.Text;

namespace Lighter.Client.Tests.Fuzzing;

/// <summary>
/// Seeded input generator for the parser fuzz tests: mutates valid frames (bit flips, truncation, invalid UTF-8,
/// lone surrogate escapes, deep nesting, huge numbers, spliced slices) and sometimes emits random bytes.
/// </summary>
internal sealed class FrameMutator(IReadOnlyList<byte[]> seeds, Random random)
{
    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xFE, 0xFF], [0xC3, 0x28], [0xE2, 0x82], [0xF0, 0x28, 0x8C, 0xBC], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0x80],
    ];

    private static readonly string[] Tokens =
    [
        "\\ud800", "\\udfff", "\\u0000", "\\\"", "\"", ",", ":", "{", "}", "[", "]", "null", "true", "-", "1e999999",
        "123456789012345678901234567890123456789", "-9223372036854775809", "9223372036854775808", "0.0000000000000000000000000000001",
        "79228162514264337593543950336", "1E+400", "-0", "NaN", "\"\"", "\"order_book:0\"", "\"order_book:99999999999\"",
        "\"update/order_book\"", "\"subscribed/order_book\"", "\"jsonapi/sendtx\"", "\"error\"", "\"price\"", "\"size\"",
    ];

    public byte[] Next()
    {
        if (random.Next(10) == 0)
        {
            var noise = new byte[random.Next(0, 256)];
            random.NextBytes(noise);
            return noise;
        }

        var bytes = seeds[random.Next(seeds.Count)].ToList();
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            Mutate(bytes);
        }

        return [.. bytes];
    }

    private void Mutate(List<byte> bytes)
    {
        var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
        switch (random.Next(9))
        {
            case 0 when bytes.Count > 0: // bit flip
                bytes[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1: // truncation
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case 2: // invalid UTF-8 inside or outside a string
                bytes.InsertRange(at, InvalidUtf8[random.Next(InvalidUtf8.Length)]);
                break;
            case 3: // a token: escapes, huge numbers, structure
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]));
                break;
            case 4: // replace a digit run or value start with a huge number
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(new string('9', random.Next(20, 400))));
                break;
            case 5: // deep nesting
                var depth = random.Next(10, 2000);
                var open = random.Next(2) == 0 ? "[" : "{\"a\":";
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(open, depth))));
                break;
            case 6 when bytes.Count > 1: // duplicate a slice (repeated fields, long arrays)
                var start = random.Next(bytes.Count);
                var length = random.Next(1, Math.Min(256, bytes.Count - start) + 1);
                bytes.InsertRange(at, bytes.GetRange(start, length));
                break;
            case 7 when bytes.Count > 0: // delete a slice
                bytes.RemoveRange(at, random.Next(1, Math.Min(16, bytes.Count - at) + 1));
                break;
            default: // random byte
                bytes.Insert(at, (byte)random.Next(256));
                break;
        }
    }
}
