using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Lighter.Signing;

namespace Lighter.Cli.Tests;

/// <summary>
/// <c>lighter bench submit</c> against an exchange-like WireMock server: every order accepted once, on distinct
/// nonces, through 429s and an invalid-nonce answer.
/// </summary>
public sealed class BenchSubmitCommandTests : IDisposable
{
    private readonly NonceExchange _exchange = new();

    // Retry delays (backoff, Retry-After) run on a fake clock that jumps to them; timeouts never fire by themselves.
    private readonly RetryDelayClock _clock = new(DateTimeOffset.Parse("2026-12-01T00:00:00Z", CultureInfo.InvariantCulture), longestDelay: TimeSpan.FromSeconds(2));
    private readonly LighterPrivateKey _key = LighterPrivateKey.Generate();
    private readonly string _variable = "LIGHTER_TEST_BENCH_KEY_" + Guid.NewGuid().ToString("N");

    public BenchSubmitCommandTests() => Environment.SetEnvironmentVariable(_variable, _key.ExportHex());

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_variable, null);
        _key.Dispose();
        _exchange.Dispose();
    }

    private async Task<(int Exit, string Output, string Error)> Bench(int count, int concurrency, Uri? baseUrl = null, string? variable = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] args =
        [
            "bench", "submit", "--base-url", (baseUrl ?? _exchange.BaseUrl).ToString(), "--account-index", "7", "--api-key-index", "3",
            "--count", NonceExchange.Invariant(count), "--concurrency", NonceExchange.Invariant(concurrency), "--chain-id", "300",
            "--key-variable", variable ?? _variable,
        ];
        try
        {
            var exit = await _clock.RunAsync(Program.Run(args, new InvocationConfiguration { Output = output, Error = error }, _clock));
            return (exit, output.ToString(), error.ToString());
        }
        catch (TimeoutException stuck)
        {
            // A hang is rare and timing-bound: say where the exchange stood so the run that saw it can be read.
            throw new TimeoutException(
                $"{stuck.Message} Sent nonces in arrival order: [{string.Join(", ", _exchange.Sent)}]; accepted: " +
                $"[{string.Join(", ", _exchange.Accepted.Keys.Order())}]; output: {output}; error: {error}", stuck);
        }
    }

    private static JsonElement Line(string output)
    {
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return JsonDocument.Parse(line).RootElement.Clone();
    }

    private void AssertEveryOrderExecutedOnce(int count)
    {
        var accepted = _exchange.Accepted.Keys.Order().ToList();
        Assert.Equal(count, accepted.Count);
        Assert.Equal(accepted.Count, accepted.Distinct().Count());
    }

    [Fact]
    public async Task All_orders_are_accepted_on_distinct_consecutive_nonces()
    {
        var (exit, output, error) = await Bench(count: 200, concurrency: 8);

        Assert.True(exit == 0, error);
        var line = Line(output);
        Assert.Equal((200, 200, 0), (line.GetProperty("count").GetInt32(), line.GetProperty("accepted").GetInt32(), line.GetProperty("failed").GetInt32()));
        Assert.True(line.GetProperty("seconds").GetDouble() > 0 && line.GetProperty("per_sec").GetDouble() > 0);
        var sent = _exchange.Sent.Order().ToList();
        Assert.True(Enumerable.Range(0, 200).Select(i => NonceExchange.Start + i).SequenceEqual(sent),
            $"sent nonces {string.Join(',', sent)}; stderr: {error}");
    }

    [Fact]
    public async Task Orders_answered_with_429_and_Retry_After_are_resent_without_a_duplicate_nonce()
    {
        // Calls 3, 10 and 17 are refused with Retry-After: 2 (whole seconds are the header's unit); the retries succeed.
        var refused = 0;
        _exchange.Fault = (call, _) => call % 7 == 3 && Interlocked.Increment(ref refused) <= 3
            ? NonceExchange.Json(429, """{"code":23000,"message":"Too Many Requests!"}""").WithHeader("Retry-After", "2")
            : null;

        var (exit, output, error) = await Bench(count: 40, concurrency: 4);

        Assert.True(exit == 0, error);
        Assert.True(refused >= 3, "three 429 answers were injected");
        Assert.True(_clock.Advanced >= TimeSpan.FromSeconds(2), $"Retry-After must be waited out (the clock moved {_clock.Advanced})");
        Assert.Equal(40, Line(output).GetProperty("accepted").GetInt32());
        AssertEveryOrderExecutedOnce(40);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => NonceExchange.Start + i), _exchange.Accepted.Keys.Order());
    }

    [Fact]
    public async Task An_invalid_nonce_answer_is_recovered_without_a_duplicate_or_a_lost_order()
    {
        var injected = 0;
        _exchange.Fault = (call, _) => call == 5 && Interlocked.Increment(ref injected) == 1
            ? NonceExchange.Json(400, """{"code":21104,"message":"invalid nonce"}""")
            : null;

        var (exit, output, error) = await Bench(count: 60, concurrency: 4);

        Assert.True(exit == 0, error);
        Assert.Equal(1, injected);
        var line = Line(output);
        Assert.Equal((60, 0), (line.GetProperty("accepted").GetInt32(), line.GetProperty("failed").GetInt32()));
        AssertEveryOrderExecutedOnce(60);
    }

    [Fact]
    public async Task Orders_the_exchange_refuses_are_counted_as_failed_with_exit_code_1()
    {
        _exchange.Fault = (call, _) => call <= 2 ? NonceExchange.Json(400, """{"code":21120,"message":"invalid signature"}""") : null;

        var (exit, output, _) = await Bench(count: 10, concurrency: 1);

        Assert.Equal(1, exit);
        var line = Line(output);
        Assert.Equal((10, 8, 2), (line.GetProperty("count").GetInt32(), line.GetProperty("accepted").GetInt32(), line.GetProperty("failed").GetInt32()));
    }

    [Fact]
    public async Task An_unreachable_server_is_exit_code_3()
    {
        var closed = new Uri("http://127.0.0.1:1/");
        var (exit, output, error) = await Bench(count: 1, concurrency: 1, baseUrl: closed);

        Assert.Equal(3, exit);
        Assert.Empty(output);
        Assert.Contains("did not answer", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_key_is_exit_code_1_and_bad_arguments_are_exit_code_2()
    {
        var missing = await Bench(count: 1, concurrency: 1, variable: "LIGHTER_TEST_UNSET_" + Guid.NewGuid().ToString("N"));
        Assert.Equal(1, missing.Exit);
        Assert.Contains("is not set", missing.Error, StringComparison.Ordinal);

        Assert.Equal(2, (await Bench(count: 0, concurrency: 1)).Exit);
        Assert.Equal(2, (await Cli.RunAsync(["bench", "submit", "--count", "1"])).Exit); // --base-url etc. missing
    }

    [Fact]
    public async Task The_key_is_read_from_LIGHTER_PRIVATE_KEY_by_default()
    {
        var (_, help) = await Cli.RunAsync(["bench", "submit", "--help"]);
        Assert.Contains("LIGHTER_PRIVATE_KEY", help, StringComparison.Ordinal);
        Assert.Equal("LIGHTER_PRIVATE_KEY", Commands.KeysSecretReader.DefaultVariable);
    }
}
