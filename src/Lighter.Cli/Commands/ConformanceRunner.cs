using System.Globalization;
using System.Text.Json;

namespace Lighter.Cli.Commands;

/// <summary>The kinds of vector file the conformance command understands.</summary>
internal enum ConformanceKind
{
    Unknown,
    Keys,
    Transactions,
    InvalidTransactions,
    AuthTokens,
    WebWasm,
    Determinism,
    Poseidon2,
    Schnorr,
}

/// <summary>Recognises a vector file by its content and runs the matching checks.</summary>
internal static class ConformanceRunner
{
    public static ConformanceKind KindOf(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return ConformanceKind.Unknown;
        }

        if (root.TryGetProperty("keys", out _))
        {
            return ConformanceKind.Keys;
        }

        if (root.TryGetProperty("cases", out _) && root.TryGetProperty("client_k1_response", out _))
        {
            return ConformanceKind.WebWasm;
        }

        if (root.TryGetProperty("sig1", out _) && root.TryGetProperty("sig2", out _))
        {
            return ConformanceKind.Determinism;
        }

        if (!root.TryGetProperty("vectors", out var vectors) || vectors.ValueKind != JsonValueKind.Array ||
            vectors.GetArrayLength() == 0)
        {
            return ConformanceKind.Unknown;
        }

        var first = vectors[0];
        if (first.ValueKind != JsonValueKind.Object)
        {
            return ConformanceKind.Unknown;
        }

        return first switch
        {
            _ when first.TryGetProperty("tx_type", out _) => ConformanceKind.Transactions,
            _ when first.TryGetProperty("error", out _) => ConformanceKind.InvalidTransactions,
            _ when first.TryGetProperty("deadline_unix_s", out _) => ConformanceKind.AuthTokens,
            _ when first.TryGetProperty("hash_to_quintic_extension", out _) => ConformanceKind.Poseidon2,
            _ when first.TryGetProperty("signature_hex_80", out _) => ConformanceKind.Schnorr,
            _ => ConformanceKind.Unknown,
        };
    }

    /// <summary>
    /// Runs the vectors of one file. A file that cannot be read or parsed, or whose content does not have the shape
    /// of its kind, is one FAIL line <c>name: reason</c> (never a stack trace); vectors already checked keep their lines.
    /// </summary>
    /// <param name="file">The file, for its name.</param>
    /// <param name="document">Its content (<see cref="ConformanceFile.TryLoad"/>), or null when it could not be loaded.</param>
    /// <param name="error">Why it could not be loaded.</param>
    /// <param name="context">Keys the vectors refer to.</param>
    /// <param name="report">Where the lines go.</param>
    public static void RunFile(FileInfo file, JsonDocument? document, string? error, ConformanceContext context, ConformanceReport report)
    {
        if (document is null)
        {
            report.Vector(file.Name, problems => problems.Add(error ?? "cannot be read"));
            return;
        }

        try
        {
            RunDocument(document.RootElement, file.Name, context, report);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            report.Vector(file.Name, problems => problems.Add($"not a valid vector file of its kind: {ex.GetType().Name}: {ex.Message}"));
        }
    }

    private static void RunDocument(JsonElement root, string fileName, ConformanceContext context, ConformanceReport report)
    {
        var prefix = Path.GetFileNameWithoutExtension(fileName) + "/";
        switch (KindOf(root))
        {
            case ConformanceKind.Keys:
                ConformanceKeys.Run(root, prefix, report);
                break;
            case ConformanceKind.Transactions:
                ConformanceTransactions.Run(root, prefix, context, report);
                break;
            case ConformanceKind.InvalidTransactions:
                ConformanceInvalid.Run(root, prefix, report);
                break;
            case ConformanceKind.AuthTokens:
                ConformanceAuthTokens.Run(root, prefix, context, report);
                break;
            case ConformanceKind.WebWasm:
                ConformanceWebWasm.Run(root, prefix, context, report);
                break;
            case ConformanceKind.Determinism:
                ConformanceKeys.RunDeterminism(root, prefix, context, report);
                break;
            case ConformanceKind.Poseidon2:
                ConformancePoseidon2.Run(root, prefix, report);
                break;
            case ConformanceKind.Schnorr:
                ConformanceKeys.RunSchnorr(root, prefix, report);
                break;
            default:
                report.Vector(fileName, problems => problems.Add("unrecognised vector file"));
                break;
        }
    }

    /// <summary>Adds a problem when <paramref name="actual"/> differs from <paramref name="expected"/>.</summary>
    public static void Expect(List<string> problems, string what, string? expected, string? actual)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            problems.Add($"{what}: expected {expected}, got {actual}");
        }
    }

    /// <summary>Reads an array of decimal-string u64 values (the vectors' notation for field elements and limbs).</summary>
    public static ulong[] U64s(this JsonElement array) =>
        [.. array.EnumerateArray().Select(e => ulong.Parse(
            e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new FormatException("a u64 must be a decimal string"),
            NumberStyles.None, CultureInfo.InvariantCulture))];
}
