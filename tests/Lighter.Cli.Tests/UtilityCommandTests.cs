using System.Text.Json;

namespace Lighter.Cli.Tests;

/// <summary><c>bench create-order</c>, <c>auth-token</c> and <c>keys</c>.</summary>
public class UtilityCommandTests
{
    private const string K2 = "4980df1a5a76cba9fef4d80446e951108e16a5b21f497976475c950bd2588c5a58771d5b06498d28";

    [Fact]
    public async Task Bench_create_order_prints_one_json_line()
    {
        var (exit, output) = await Cli.RunAsync(["bench", "create-order", "--count", "40", "--threads", "2"]);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output.Trim());
        Assert.Equal("create_order", json.RootElement.GetProperty("op").GetString());
        Assert.Equal(40, json.RootElement.GetProperty("count").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("threads").GetInt32());
        Assert.True(json.RootElement.GetProperty("seconds").GetDouble() > 0);
        Assert.True(json.RootElement.GetProperty("per_sec").GetDouble() > 0);
    }

    [Fact]
    public async Task Auth_token_reads_the_key_from_an_environment_variable_and_never_prints_it()
    {
        var variable = "LIGHTER_TEST_KEY_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, K2);
        try
        {
            var (exit, output) = await Cli.RunAsync(
                ["auth-token", "--private-key-env", variable, "--account-index", "12345", "--api-key-index", "3"]);

            Assert.Equal(0, exit);
            var parts = output.Trim().Split(':');
            Assert.Equal(4, parts.Length);
            Assert.Equal(["12345", "3"], parts[1..3]);
            Assert.Equal(160, parts[3].Length);
            Assert.DoesNotContain(K2, output, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task Auth_token_with_a_missing_variable_fails_with_exit_code_one()
    {
        var (exit, output) = await Cli.RunAsync(
            ["auth-token", "--private-key-env", "LIGHTER_TEST_UNSET_" + Guid.NewGuid().ToString("N"), "--account-index", "1", "--api-key-index", "0"]);

        Assert.Equal(1, exit);
        Assert.Contains("is not set", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_new_prints_a_key_pair_whose_public_key_derives_from_the_private_key()
    {
        var (exit, output) = await Cli.RunAsync(["keys", "new"]);

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var privateHex = lines[0]["private_key: 0x".Length..];
        var publicHex = lines[1]["public_key:  0x".Length..].Trim();
        using var key = Lighter.Signing.LighterPrivateKey.Parse(privateHex);
        Assert.Equal(key.PublicKey.ToHex(), publicHex);
    }

    [Fact]
    public async Task Keys_public_prints_the_public_key_of_the_official_vector_key()
    {
        var (exit, output) = await Cli.RunAsync(["keys", "public", K2]);

        Assert.Equal(0, exit);
        Assert.Equal("0x2db191eb16d3314974f8708363909aeee607d06fb743156b18d3b353a5d40fef70ae377dd68d06fe", output.Trim());
    }

    [Fact]
    public async Task Keys_public_rejects_a_malformed_key_without_echoing_it()
    {
        const string Bad = "0xnothexnothexnothex";
        var (exit, output) = await Cli.RunAsync(["keys", "public", Bad]);

        Assert.Equal(1, exit);
        Assert.DoesNotContain("nothex", output, StringComparison.Ordinal);
    }
}
