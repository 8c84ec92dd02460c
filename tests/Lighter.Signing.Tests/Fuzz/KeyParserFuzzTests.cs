using System.Text;
using Lighter.Signing.Tests.Vectors;
using Lighter.Tests.Fuzz;

namespace Lighter.Signing.Tests.Fuzz;

/// <summary>
/// Fuzzes public and private key parsing (<see cref="LighterPublicKey.Parse"/>, <see cref="LighterPublicKey.TryParse"/>,
/// <see cref="LighterPublicKey.FromBytes"/>, <see cref="LighterPrivateKey.Parse"/>, <see cref="LighterPrivateKey.FromBytes"/>)
/// with the official key vectors mutated and random bytes. Only <see cref="LighterSigningException"/> may escape;
/// TryParse never throws, and whatever parses round-trips.
/// CI: 750 inputs per seed and parser. Long mode: see <see cref="FuzzHarness"/>.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class KeyParserFuzzTests
{
    private const long MaxBytesPerInput = 256 * 1024;

    [Fact]
    public async Task Public_key_text_parsing_throws_only_LighterSigningException()
    {
        await FuzzHarness.RunAsync("LighterPublicKey.Parse", KeyCorpus("public_key_hex"), FuzzHarness.Iterations(750), input =>
        {
            var text = FuzzHarness.AsText(input);
            var ok = LighterPublicKey.TryParse(text, out var tried);
            var key = LighterPublicKey.Parse(text);
            Assert.True(ok);
            Assert.Equal(key, tried);
            Assert.Equal(key, LighterPublicKey.Parse(key.ToHex()));
            Assert.NotEqual(default, key);
        }, ex => ex is LighterSigningException, maxTimePerInput: TimeSpan.FromSeconds(1), maxBytes: MaxBytesPerInput);
    }

    [Fact]
    public async Task Public_key_bytes_parsing_throws_only_LighterSigningException()
    {
        var corpus = KeyCorpus("public_key_hex").Select(h => Convert.FromHexString(Encoding.ASCII.GetString(h))).Append(new byte[40]).ToArray();
        await FuzzHarness.RunAsync("LighterPublicKey.FromBytes", corpus, FuzzHarness.Iterations(750), input =>
        {
            var key = LighterPublicKey.FromBytes(input);
            Assert.Equal(input, key.ToArray());
        }, ex => ex is LighterSigningException, maxTimePerInput: TimeSpan.FromSeconds(1), maxBytes: MaxBytesPerInput);
    }

    [Fact]
    public async Task Private_key_parsing_throws_only_LighterSigningException()
    {
        var text = KeyCorpus("private_key_hex_input");
        var bytes = text.Select(h => Convert.FromHexString(Encoding.ASCII.GetString(h).Replace("0x", "", StringComparison.Ordinal))).ToArray();
        await FuzzHarness.RunAsync("LighterPrivateKey.Parse", [.. text, .. bytes], FuzzHarness.Iterations(750), input =>
        {
            using var key = input.Length == 40 ? LighterPrivateKey.FromBytes(input) : LighterPrivateKey.Parse(FuzzHarness.AsText(input));
            using var again = LighterPrivateKey.Parse(key.ExportHex());
            Assert.Equal(key.PublicKey, again.PublicKey);
        }, ex => ex is LighterSigningException, maxTimePerInput: TimeSpan.FromSeconds(1), maxBytes: MaxBytesPerInput);
    }

    private static byte[][] KeyCorpus(string property)
    {
        using var doc = VectorFiles.Load("oracle/keys.json");
        return [.. doc.RootElement.GetProperty("keys").EnumerateArray().Select(k => Encoding.ASCII.GetBytes(k.GetProperty(property).GetString()!))];
    }
}
