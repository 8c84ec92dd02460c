using System.Text.Json;
using Lighter.Signing;

namespace Lighter.Cli.Commands;

/// <summary>
/// The private keys of <c>keys.json</c> (by id) that other vector files refer to, taken from the given files and
/// from a <c>keys.json</c> beside them.
/// </summary>
internal sealed class ConformanceContext
{
    private readonly Dictionary<string, string> _privateKeys = new(StringComparer.Ordinal);

    public static ConformanceContext Load(IEnumerable<FileInfo> files)
    {
        var context = new ConformanceContext();
        var candidates = files.SelectMany(f => new[]
        {
            f.FullName,
            Path.Combine(f.DirectoryName ?? ".", "keys.json"),
        }).Distinct(StringComparer.Ordinal);
        foreach (var path in candidates.Where(File.Exists))
        {
            context.TryAdd(path);
        }

        return context;
    }

    /// <summary>The private key with this id; the caller disposes it.</summary>
    public LighterPrivateKey PrivateKey(string keyId) => _privateKeys.TryGetValue(keyId, out var hex)
        ? LighterPrivateKey.Parse(hex)
        : throw new InvalidOperationException($"key '{keyId}' not found (pass keys.json or keep it beside the vectors)");

    public IEnumerable<string> KeyIds => _privateKeys.Keys;

    private void TryAdd(string path)
    {
        // A file that is unreadable or not a keys file adds nothing; it is reported when it is run itself.
        using var document = ConformanceFile.TryLoad(path, out _);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var key in keys.EnumerateArray())
        {
            if (key.ValueKind == JsonValueKind.Object
                && key.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && key.TryGetProperty("private_key_hex_input", out var hex) && hex.ValueKind == JsonValueKind.String)
            {
                _privateKeys[id.GetString()!] = hex.GetString()!;
            }
        }
    }
}
