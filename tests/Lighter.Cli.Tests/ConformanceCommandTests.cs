using System.CommandLine;
using System.Text.Json;

namespace Lighter.Cli.Tests;

/// <summary><c>lighter conformance</c> over the official oracle vectors, in-process.</summary>
public class ConformanceCommandTests
{
    [Fact]
    public async Task Every_oracle_vector_passes_and_the_exit_code_is_zero()
    {
        var files = Directory.GetFiles(SharedVectors.Oracle, "*.json").Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(7, files.Length);

        var (exit, output) = await Cli.RunAsync(["conformance", .. files]);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.All(lines[..^1], line => Assert.StartsWith("PASS ", line, StringComparison.Ordinal));
        Assert.Equal($"{lines.Length - 1} passed, 0 failed", lines[^1]);
        Assert.Equal(0, exit);

        // 35 transactions + 26 invalid + 4 auth + 9 keys + 25 Poseidon2 + 1 determinism + 5 web-wasm.
        Assert.Equal(105, lines.Length - 1);
    }

    [Fact]
    public async Task A_corrupted_vector_fails_by_name_and_the_exit_code_is_one()
    {
        using var temp = new TempDirectory();
        File.Copy(Path.Combine(SharedVectors.Oracle, "keys.json"), Path.Combine(temp.Path, "keys.json"));
        var text = await File.ReadAllTextAsync(Path.Combine(SharedVectors.Oracle, "transactions.json"));
        var hash = JsonDocument.Parse(text).RootElement.GetProperty("vectors")[0].GetProperty("tx_hash_hex").GetString()!;
        var corrupted = text.Replace($"\"tx_hash_hex\": \"{hash}\"", $"\"tx_hash_hex\": \"{hash[..^1]}{(hash[^1] == '0' ? '1' : '0')}\"", StringComparison.Ordinal);
        Assert.NotEqual(text, corrupted);
        var file = Path.Combine(temp.Path, "transactions.json");
        await File.WriteAllTextAsync(file, corrupted);

        var (exit, output) = await Cli.RunAsync(["conformance", file]);

        Assert.Equal(1, exit);
        Assert.Contains("FAIL transactions/create_order_limit_gtt: tx hash: expected", output, StringComparison.Ordinal);
        Assert.Contains("34 passed, 1 failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_official_schnorr_test_vectors_pass()
    {
        var file = Path.Combine(SharedVectors.Oracle, "..", "schnorr.json");

        var (exit, output) = await Cli.RunAsync(["conformance", file]);

        Assert.Equal(0, exit);
        Assert.Contains("3 passed, 0 failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unrecognised_file_fails()
    {
        using var temp = new TempDirectory();
        var file = Path.Combine(temp.Path, "other.json");
        await File.WriteAllTextAsync(file, """{"hello":"world"}""");

        var (exit, output) = await Cli.RunAsync(["conformance", file]);

        Assert.Equal(1, exit);
        Assert.Contains("FAIL other.json: unrecognised vector file", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_errors_exit_with_two_and_help_documents_exit_codes()
    {
        var (exit, _) = await Cli.RunAsync(["conformance"]);
        Assert.Equal(2, exit);
        var (badNumber, _) = await Cli.RunAsync(["bench", "create-order", "--count", "many"]);
        Assert.Equal(2, badNumber);

        var (helpExit, help) = await Cli.RunAsync(["--help"]);
        Assert.Equal(0, helpExit);
        Assert.Contains("Exit codes: 0 = success", help, StringComparison.Ordinal);
        var (_, conformanceHelp) = await Cli.RunAsync(["conformance", "--help"]);
        Assert.Contains("Exit code 0 only if all passed", conformanceHelp, StringComparison.Ordinal);
    }
}
