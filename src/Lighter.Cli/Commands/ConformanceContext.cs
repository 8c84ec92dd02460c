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

    /// <summary>Takes keys from the loaded files and from a <c>keys.json</c> beside each that was not given itself.</summary>
    public static ConformanceContext Load(IEnumerable<(FileInfo File, JsonDocument? Document)> files)
    {
        var context = new ConformanceContext();
        var given = new HashSet<string>(StringComparer.Ordinal);
        var beside = new List<string>();
        foreach (var (file, document) in files)
        {
            given.Add(file.FullName);
            beside.Add(Path.Combine(file.DirectoryName ?? ".", "keys.json"));
            if (document is not null)
            {
                context.Add(document.RootElement);
            }
        }

        foreach (var path in beside.Distinct(StringComparer.Ordinal).Where(p => !given.Contains(p) && File.Exists(p)))
        {
            // A keys.json that is unreadable or not a keys file adds nothing.
            using var document = ConformanceFile.TryLoad(path, out _);
            if (document is not null)
            {
                context.Add(document.RootElement);
            }
        }

        return context;
    }

    /// <summary>The private key with this id; the caller disposes it.</summary>
    public LighterPrivateKey PrivateKey(string keyId) => _privateKeys.TryGetValue(keyId, out var hex)
        ? LighterPrivateKey.Parse(hex)
        : throw new InvalidOperationException($"key '{keyId}' not found (pass keys.json or keep it beside the vectors)");

    public IEnumerable<string> KeyIds => _privateKeys.Keys;

    private void Add(JsonElement root)
    {
        // Content that is not a keys file adds nothing; it is reported when it is run itself.
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
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
