using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Lighter.Cli.Tests;

/// <summary>
/// Issue 16, item 4: <c>lighter conformance</c> on files it cannot use. Every bad file gives FAIL lines and never a
/// stack trace; unreadable, oversized and non-JSON files are exactly one <c>FAIL name: reason</c> line; the exit code
/// is 1 whenever a file is bad.
/// </summary>
public sealed class ConformanceBadFileTests
{
    private static readonly string[] OracleFiles =
        ["keys", "transactions", "invalid_transactions", "auth_tokens", "poseidon2_extra", "determinism", "webwasm_crosscheck"];

    public static TheoryData<string> Kinds => new(OracleFiles.Append("schnorr"));

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Wrong_schema_variants_never_print_a_stack_trace_and_every_file_gets_its_lines(string kind)
    {
        using var temp = new TempDirectory();
        File.Copy(Path.Combine(SharedVectors.Oracle, "keys.json"), Path.Combine(temp.Path, "keys.json"));
        var original = JsonNode.Parse(await File.ReadAllTextAsync(SourceOf(kind)))!;
        var variants = WrongSchemaVariants(Shrink(original)).ToList();
        var files = new List<(string Path, bool SurelyBroken)>();
        for (var i = 0; i < variants.Count; i++)
        {
            var path = Path.Combine(temp.Path, $"v{i:D4}.json");
            await File.WriteAllTextAsync(path, variants[i].Text);
            files.Add((path, variants[i].SurelyBroken));
        }

        var (exit, output) = await Cli.RunAsync(["conformance", .. files.Select(f => f.Path)]);

        Assert.Equal(1, exit);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", output, StringComparison.Ordinal);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Matches(@"^\d+ passed, \d+ failed$", lines[^1]);
        Assert.All(lines[..^1], line => Assert.Matches(@"^(PASS \S+|FAIL \S+: \S.*)$", line));
        foreach (var (path, surelyBroken) in files)
        {
            var name = Path.GetFileName(path);
            var stem = Path.GetFileNameWithoutExtension(path);
            var fileLines = lines.Count(l => l.StartsWith($"FAIL {name}: ", StringComparison.Ordinal));
            var vectorLines = lines.Count(l => l.StartsWith($"PASS {stem}/", StringComparison.Ordinal) || l.StartsWith($"FAIL {stem}/", StringComparison.Ordinal));
            Assert.True(fileLines <= 1, $"{name}: {fileLines} file-level lines");
            Assert.True(fileLines + vectorLines >= 1, $"{name} ({variants[files.FindIndex(f => f.Path == path)].What}) produced no line");
            if (surelyBroken)
            {
                Assert.True(
                    fileLines == 1 || lines.Any(l => l.StartsWith($"FAIL {stem}/", StringComparison.Ordinal)),
                    $"{name} ({variants[files.FindIndex(f => f.Path == path)].What}) did not fail");
            }
        }
    }

    [Fact]
    public async Task A_field_of_the_wrong_type_or_missing_is_named_in_the_reason()
    {
        using var temp = new TempDirectory();
        File.Copy(Path.Combine(SharedVectors.Oracle, "keys.json"), Path.Combine(temp.Path, "keys.json"));
        var transactions = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(SharedVectors.Oracle, "transactions.json")))!;
        var vectors = transactions["vectors"]!.AsArray();
        vectors[0]!["nonce"] = "x";
        vectors[1]!.AsObject().Remove("tx_type");
        var file = Path.Combine(temp.Path, "transactions.json");
        await File.WriteAllTextAsync(file, transactions.ToJsonString());
        var keys = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(SharedVectors.Oracle, "keys.json")))!;
        keys["keys"] = new JsonObject();
        var badKeys = Path.Combine(temp.Path, "badkeys.json");
        await File.WriteAllTextAsync(badKeys, keys.ToJsonString());

        var (exit, output) = await Cli.RunAsync(["conformance", file, badKeys]);

        Assert.Equal(1, exit);
        Assert.Contains(": 'nonce' must be a 64-bit integer", output, StringComparison.Ordinal);
        Assert.Contains(": 'tx_type' is missing", output, StringComparison.Ordinal);
        Assert.Contains("FAIL badkeys.json: not a valid vector file of its kind: FormatException: 'keys' must be an array", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dev_zero_stops_at_the_size_limit_within_seconds()
    {
        if (!File.Exists("/dev/zero"))
        {
            return; // not a Unix machine
        }

        var clock = Stopwatch.StartNew();
        var (exit, output) = await Cli.RunAsync(["conformance", "/dev/zero"]);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(1, exit);
        Assert.Equal(["FAIL zero: larger than 64 MiB, not read", "0 passed, 1 failed"], Lines(output));
    }

    [Fact]
    public async Task An_endless_fifo_stops_at_the_size_limit_within_seconds()
    {
        if (!File.Exists("/usr/bin/mkfifo") || !File.Exists("/bin/sh"))
        {
            return; // not a Unix machine
        }

        using var temp = new TempDirectory();
        var fifo = Path.Combine(temp.Path, "endless.json");
        using (var mkfifo = Process.Start("/usr/bin/mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        using var writer = Process.Start("/bin/sh", ["-c", $"exec cat /dev/zero > '{fifo}'"]);
        try
        {
            var clock = Stopwatch.StartNew();

            // On a worker thread with a deadline: a reader that opens the FIFO twice would block for ever.
            var (exit, output) = await Task.Run(() => Cli.RunAsync(["conformance", fifo])).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
            Assert.Equal(1, exit);
            Assert.Equal(["FAIL endless.json: larger than 64 MiB, not read", "0 passed, 1 failed"], Lines(output));
        }
        finally
        {
            if (!writer.HasExited)
            {
                writer.Kill();
            }
        }
    }

    [Fact]
    public async Task A_directory_is_reported_as_a_directory()
    {
        using var temp = new TempDirectory();
        var dir = Directory.CreateDirectory(Path.Combine(temp.Path, "vectors"));

        var (exit, output) = await Cli.RunAsync(["conformance", dir.FullName]);

        Assert.Equal(1, exit);
        Assert.Equal(["FAIL vectors: is a directory, not a vector file (pass the *.json files inside it)", "0 passed, 1 failed"], Lines(output));
    }

    [Fact]
    public async Task Missing_empty_truncated_and_non_json_files_are_one_line_each()
    {
        using var temp = new TempDirectory();
        var empty = Path.Combine(temp.Path, "empty.json");
        var truncated = Path.Combine(temp.Path, "truncated.json");
        var text = Path.Combine(temp.Path, "text.json");
        await File.WriteAllTextAsync(empty, "");
        await File.WriteAllTextAsync(truncated, (await File.ReadAllTextAsync(Path.Combine(SharedVectors.Oracle, "keys.json")))[..200]);
        await File.WriteAllBytesAsync(text, [0xff, 0xfe, 0x00, 0x41]);

        var (exit, output) = await Cli.RunAsync(["conformance", Path.Combine(temp.Path, "missing.json"), empty, truncated, text]);

        Assert.Equal(1, exit);
        var lines = Lines(output);
        Assert.Equal(5, lines.Length);
        Assert.Equal("FAIL missing.json: no such file", lines[0]);
        Assert.StartsWith("FAIL empty.json: not valid JSON: ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("FAIL truncated.json: not valid JSON: ", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("FAIL text.json: not valid JSON: ", lines[3], StringComparison.Ordinal);
        Assert.Equal("0 passed, 4 failed", lines[4]);
    }

    [Fact]
    public async Task Byte_order_mark_prefixed_vector_files_pass()
    {
        using var temp = new TempDirectory();
        foreach (var name in new[] { "keys.json", "transactions.json" })
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(SharedVectors.Oracle, name));
            await File.WriteAllBytesAsync(Path.Combine(temp.Path, name), [0xEF, 0xBB, 0xBF, .. bytes]);
        }

        var (exit, output) = await Cli.RunAsync(["conformance", Path.Combine(temp.Path, "transactions.json"), Path.Combine(temp.Path, "keys.json")]);

        Assert.Equal(0, exit);
        Assert.Equal("44 passed, 0 failed", Lines(output)[^1]);
    }

    private static string[] Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string SourceOf(string kind) => kind == "schnorr"
        ? Path.Combine(SharedVectors.Oracle, "..", "schnorr.json")
        : Path.Combine(SharedVectors.Oracle, kind + ".json");

    /// <summary>Keeps the first two elements of every array (the variants stay fast to run).</summary>
    private static JsonNode Shrink(JsonNode node)
    {
        var copy = node.DeepClone();
        Walk(copy);
        return copy;

        static void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonArray a:
                    while (a.Count > 2 && a[0] is JsonObject)
                    {
                        a.RemoveAt(a.Count - 1);
                    }

                    foreach (var item in a)
                    {
                        Walk(item);
                    }

                    break;
                case JsonObject o:
                    foreach (var (_, value) in o)
                    {
                        Walk(value);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// Wrong types, missing fields, arrays for objects, nulls and truncation, applied to the root, to every top-level
    /// property and to every property of the first element of each top-level array.
    /// </summary>
    private static IEnumerable<(string What, string Text, bool SurelyBroken)> WrongSchemaVariants(JsonNode original)
    {
        JsonNode?[] replacements = [null, JsonValue.Create(7), JsonValue.Create("x"), new JsonArray(), new JsonObject(), JsonValue.Create(true)];
        foreach (var r in replacements)
        {
            yield return ($"root = {Show(r)}", r?.ToJsonString() ?? "null", true);
        }

        var text = original.ToJsonString();
        foreach (var cut in new[] { 1, text.Length / 3, text.Length / 2, text.Length - 1 })
        {
            yield return ($"truncated at {cut}", text[..cut], true);
        }

        yield return ("root wrapped in an array", new JsonArray(original.DeepClone()).ToJsonString(), true);

        var root = original.AsObject();
        foreach (var (name, value) in root)
        {
            var remove = original.DeepClone().AsObject();
            remove.Remove(name);
            yield return ($"without {name}", remove.ToJsonString(), false);
            foreach (var r in replacements)
            {
                var changed = original.DeepClone().AsObject();
                changed[name] = r?.DeepClone();
                yield return ($"{name} = {Show(r)}", changed.ToJsonString(), value is JsonArray && r is not JsonArray);
            }

            if (value is not JsonArray { Count: > 0 } array || array[0] is not JsonObject first)
            {
                continue;
            }

            foreach (var (field, _) in first)
            {
                var without = original.DeepClone().AsObject();
                without[name]![0]!.AsObject().Remove(field);
                yield return ($"{name}[0] without {field}", without.ToJsonString(), false);
                foreach (var r in replacements)
                {
                    var changed = original.DeepClone().AsObject();
                    changed[name]![0]![field] = r?.DeepClone();
                    yield return ($"{name}[0].{field} = {Show(r)}", changed.ToJsonString(), false);
                }
            }

            var elementNull = original.DeepClone().AsObject();
            elementNull[name]![0] = null;
            yield return ($"{name}[0] = null", elementNull.ToJsonString(), true);
            var elementArray = original.DeepClone().AsObject();
            elementArray[name]![0] = new JsonArray(1, 2);
            yield return ($"{name}[0] = [1,2]", elementArray.ToJsonString(), true);
        }
    }

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "null";
}
