using System.CommandLine;
using System.Globalization;
using Lighter.Client;
using Lighter.Signing;
using Lighter.Signing.Transactions;

namespace Lighter.Cli.Commands;

/// <summary>
/// <c>lighter bench submit --base-url URL --account-index A --api-key-index K --count N --concurrency C</c>: submits N
/// CreateOrder transactions through <see cref="LighterClient"/> (managed nonces, retries, signing) with C concurrent
/// callers against any server speaking the spec's <c>nextNonce</c> and <c>sendTx</c>, and prints one JSON line
/// <c>{"count":N,"accepted":A,"failed":F,"seconds":S,"per_sec":R,"released":…,"unknown":…,"resent":…,"found_by_hash":…,"found_by_nonce":…,"next_nonce_start":…,"next_nonce_end":…}</c>.
/// </summary>
internal static class BenchSubmitCommand
{
    /// <summary>Exit code when the server cannot be reached (the preflight <c>nextNonce</c> failed).</summary>
    public const int Unreachable = 3;

    /// <param name="timeProvider">The clock the client waits on (Retry-After, backoff); tests pass a fake one.</param>
    public static Command Create(TimeProvider timeProvider)
    {
        var baseUrl = new Option<string>("--base-url") { Description = "The exchange's REST base URL (http or https).", Required = true };
        var account = new Option<long>("--account-index") { Description = "The signing account.", Required = true };
        var apiKey = new Option<int>("--api-key-index") { Description = "The API key slot (0..254).", Required = true };
        var count = new Option<int>("--count") { Description = "Number of orders to submit.", DefaultValueFactory = _ => 1000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Concurrent callers.", DefaultValueFactory = _ => 8 };
        var chainId = new Option<int>("--chain-id") { Description = "Chain id signed into every transaction (304 mainnet, 300 testnet).", DefaultValueFactory = _ => 304 };
        var baseAmount = new Option<long>("--base-amount") { Description = "Integer base amount of each order (no market metadata lookup; 100 = 0.01 ETH on market 0).", DefaultValueFactory = _ => 100 };
        var price = new Option<uint>("--price") { Description = "Integer price of each order.", DefaultValueFactory = _ => 300_000 };
        var tier = new Option<RateLimitTier>("--rate-limit-tier") { Description = "Client-side rate limiting (Unlimited measures the server, not the limiter).", DefaultValueFactory = _ => RateLimitTier.Unlimited };
        var keyVariable = new Option<string>("--key-variable")
        {
            Description = $"Environment variable holding the API private key (default {KeysSecretReader.DefaultVariable}); never pass keys as arguments.",
            DefaultValueFactory = _ => KeysSecretReader.DefaultVariable,
        };
        var command = new Command("submit", "Submit N CreateOrder transactions through LighterClient with C concurrent callers (sendTx).\n\n" +
            "Exit codes: 0 = all accepted; 1 = some failed or the key was rejected; 2 = usage error; 3 = server unreachable.")
        {
            baseUrl, account, apiKey, count, concurrency, chainId, baseAmount, price, tier, keyVariable,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var plan = new BenchSubmitPlan(parse.GetValue(count), parse.GetValue(concurrency), parse.GetValue(baseAmount), parse.GetValue(price));
            if (plan.Count < 1 || plan.Concurrency < 1)
            {
                error.WriteLine("error: --count and --concurrency must be at least 1.");
                return 2;
            }

            if (!Uri.TryCreate(parse.GetValue(baseUrl), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                error.WriteLine("error: --base-url must be an absolute http(s) URL.");
                return 2;
            }

            var options = new LighterClientOptions
            {
                Environment = "custom",
                BaseUrl = url,
                WebSocketUrl = WebSocketUrlOf(url),
                ChainId = parse.GetValue(chainId),
                AccountIndex = parse.GetValue(account),
                ApiKeyIndex = parse.GetValue(apiKey),
                RateLimitTier = parse.GetValue(tier),
            };
            return await RunAsync(options, timeProvider, parse.GetValue(keyVariable)!, plan, parse.InvocationConfiguration.Output, error, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(LighterClientOptions options, TimeProvider timeProvider, string keyVariable, BenchSubmitPlan plan, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var invalid = new LighterClientOptionsValidator().Validate(null, options);
        if (invalid.Failed)
        {
            error.WriteLine($"error: {invalid.FailureMessage}");
            return 2;
        }

        LighterPrivateKey key;
        try
        {
            key = KeysSecretReader.Read(keyVariable, TextReader.Null);
        }
        catch (LighterSigningException ex)
        {
            error.WriteLine($"error: {ex.Message}");
            return 1;
        }

        using (key)
        using (var signer = new Client.Trading.ManagedTransactionSigner(new LighterSigner(key, new LighterChainId((uint)options.ChainId!.Value), options.AccountIndex!.Value, (byte)options.ApiKeyIndex!.Value, timeProvider ?? TimeProvider.System)))
        using (var client = LighterClient.Create(options, timeProvider: timeProvider, signer: signer))
        {
            if (await BenchSubmitRunner.NextNonceAsync(client, cancellationToken).ConfigureAwait(false) is not { } start)
            {
                error.WriteLine($"error: {options.BaseUrl} did not answer nextNonce.");
                return Unreachable;
            }

            var result = await BenchSubmitRunner.RunAsync(client, plan, error, cancellationToken).ConfigureAwait(false);
            // The server's own count: how far its next nonce moved (equal to "accepted" when the verdicts are right).
            var end = await BenchSubmitRunner.NextNonceAsync(client, cancellationToken).ConfigureAwait(false);
            output.WriteLine(BenchSubmitRunner.ToJson(result, start, end));
            return result.Failed == 0 ? 0 : 1;
        }
    }

    /// <summary>A WebSocket URL for the options' validation (the bench never opens it): same host, <c>/stream</c>.</summary>
    private static Uri WebSocketUrlOf(Uri baseUrl) =>
        new UriBuilder(baseUrl) { Scheme = baseUrl.Scheme == Uri.UriSchemeHttps ? Uri.UriSchemeWss : Uri.UriSchemeWs, Path = "/stream", Query = string.Empty }.Uri;
}
