using System.Text.Json;

namespace Lighter.Cli.Commands;

/// <summary>
/// Reads one vector file for <c>lighter conformance</c> without trusting it: a directory or a missing path is named as
/// such, at most <see cref="MaxBytes"/> are read (so <c>/dev/zero</c> or an endless FIFO stops at the limit instead of
/// exhausting memory), a UTF-8 byte-order mark is skipped, and every failure is one short reason.
/// </summary>
internal static class ConformanceFile
{
    /// <summary>The largest vector file read (64 MiB; the official files are under 2 MiB).</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <summary>The limit as the help text states it.</summary>
    public const string MaxBytesText = "64 MiB";

    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 64 };

    /// <summary>Parses <paramref name="path"/>; on failure returns null and a one-line reason.</summary>
    public static JsonDocument? TryLoad(string path, out string? error)
    {
        if (Directory.Exists(path))
        {
            error = "is a directory, not a vector file (pass the *.json files inside it)";
            return null;
        }

        if (!File.Exists(path))
        {
            error = "no such file";
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = ReadBounded(path, out var tooLarge);
            if (tooLarge)
            {
                error = $"larger than {MaxBytesText}, not read";
                return null;
            }
        }
        catch (UnauthorizedAccessException)
        {
            error = "permission denied";
            return null;
        }
        catch (IOException ex)
        {
            error = $"cannot read: {OneLine(ex.Message)}";
            return null;
        }

        var json = bytes.AsMemory();
        if (json.Span.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        try
        {
            error = null;
            return JsonDocument.Parse(json, ParseOptions);
        }
        catch (JsonException ex)
        {
            error = $"not valid JSON: {OneLine(ex.Message)}";
            return null;
        }
    }

    /// <summary>Collapses a message to one line (the report prints one line per vector).</summary>
    public static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static byte[] ReadBounded(string path, out bool tooLarge)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (true)
        {
            var read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, MaxBytes + 1L - buffer.Length));
            if (read == 0)
            {
                tooLarge = false;
                return buffer.ToArray();
            }

            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                tooLarge = true;
                return [];
            }
        }
    }
}
