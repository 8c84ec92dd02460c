using System.Globalization;
using System.Text.Json;

namespace Lighter.Signing.Tests.Vectors;

/// <summary>
/// Locates the shared, read-only signer vectors (<c>../shared/signer-vectors</c> beside the repository root)
/// and reads them at run time, so no vector file is ever copied into the repository.
/// </summary>
public static class VectorFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>Absolute path of the <c>signer-vectors</c> folder.</summary>
    public static string Directory => Root.Value;

    /// <summary>Absolute path of a file relative to <c>signer-vectors</c> (e.g. <c>oracle/keys.json</c>).</summary>
    public static string PathOf(string relativePath) => Path.Combine(Root.Value, relativePath);

    /// <summary>Parses a vector file; the caller disposes the document.</summary>
    public static JsonDocument Load(string relativePath)
    {
        var bytes = File.ReadAllBytes(PathOf(relativePath));
        return JsonDocument.Parse(bytes);
    }

    /// <summary>Reads a decimal-string (or number) u64 value.</summary>
    public static ulong U64(this JsonElement element) => element.ValueKind == JsonValueKind.Number
        ? element.GetUInt64()
        : ulong.Parse(element.GetString()!, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Reads an array of decimal-string u64 values.</summary>
    public static ulong[] U64Array(this JsonElement element)
    {
        var result = new ulong[element.GetArrayLength()];
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            result[i++] = item.U64();
        }

        return result;
    }

    /// <summary>Reads a lowercase hex string (optional <c>0x</c>) as bytes.</summary>
    public static byte[] Hex(this JsonElement element) => FromHex(element.GetString()!);

    /// <summary>Decodes hex with an optional <c>0x</c> prefix.</summary>
    public static byte[] FromHex(string hex) =>
        Convert.FromHexString(hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lighter.Generated.sln")))
            {
                var vectors = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "signer-vectors"));
                if (!System.IO.Directory.Exists(vectors))
                {
                    throw new DirectoryNotFoundException($"Signer vectors not found at {vectors}.");
                }

                return vectors;
            }
        }

        throw new DirectoryNotFoundException(
            $"No Lighter.Generated.sln above {AppContext.BaseDirectory}; cannot locate ../shared/signer-vectors.");
    }
}
