using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Lighter.Client;
using Lighter.Client.Submission;
using Lighter.Signing;
using Spectre.Console;

namespace Lighter.Cli.Commands;

/// <summary>The options of the <c>order</c> subcommands: environment, account, API key, private key source, market.</summary>
internal sealed class OrderOptions(bool marketRequired = true)
{
    public EnvOptions Env { get; } = new();

    public Option<long> Account { get; } = new("--account-index") { Description = "The account index.", Required = true };

    public Option<byte> ApiKey { get; } = new("--api-key-index") { Description = "The API key index (0..254).", Required = true };

    public Option<string> KeyVariable { get; } = new("--private-key-env")
    {
        Description = $"Environment variable holding the API private key (default {KeysSecretReader.DefaultVariable}); never pass keys as arguments.",
        DefaultValueFactory = _ => KeysSecretReader.DefaultVariable,
    };

    public Option<short?> Market { get; } = new("--market") { Description = "Market index (e.g. 0 = ETH).", Required = marketRequired };

    public void AddTo(Command command)
    {
        Env.AddTo(command);
        command.Options.Add(Account);
        command.Options.Add(ApiKey);
        command.Options.Add(KeyVariable);
        command.Options.Add(Market);
    }
}

/// <summary>
/// One order command's connection: a <see cref="LighterClient"/> for the account and API key (nonces, market
/// scaling, signing and submission), the raw REST client for the listing, and the output.
/// </summary>
internal sealed class OrderSession : IDisposable
{
    private readonly LighterClient _client;
    private readonly LighterPrivateKey _key;
    private readonly EnvHttp _http;
    private readonly ParseResult _parse;
    private readonly OrderOptions _options;

    private OrderSession(OrderOptions options, ParseResult parse, LighterPrivateKey key, LighterEnvironment environment)
    {
        _options = options;
        _parse = parse;
        _key = key;
        _client = LighterClient.Create(new LighterClientOptions
        {
            Environment = "custom",
            BaseUrl = environment.BaseUrl,
            WebSocketUrl = environment.WebSocketUrl,
            ChainId = environment.ChainId,
            AccountIndex = parse.GetValue(options.Account),
            ApiKeyIndex = parse.GetValue(options.ApiKey),
            PrivateKey = key.ExportHex(),
            // One transaction per process: a retry is pointless, and the exchange enforces its own limits.
            RateLimitTier = RateLimitTier.Unlimited,
            MaxRetries = 0,
        });
        _http = new EnvHttp(environment.BaseUrl);
    }

    public short Market => _parse.GetValue(_options.Market) ?? 255;

    /// <summary>The trading client of this session.</summary>
    public LighterClient Client => _client;

    public static OrderSession Open(OrderOptions options, ParseResult parse)
    {
        var environment = options.Env.Resolve(parse);
        var key = KeysSecretReader.Read(parse.GetValue(options.KeyVariable), Console.In);
        return new OrderSession(options, parse, key, environment);
    }

    /// <summary>Prints a submitted transaction's hash (table or JSON); exit code 0.</summary>
    public async Task<int> PrintAsync(string txType, TxSubmission submission, long index)
    {
        var output = _parse.InvocationConfiguration.Output;
        if (_parse.GetValue(_options.Env.Json))
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new { tx_hash = submission.TxHash, nonce = submission.Nonce, index })).ConfigureAwait(false);
        }
        else
        {
            var table = new Table().AddColumns("tx", "account", "nonce", "index", "tx hash");
            table.AddRow(txType, _parse.GetValue(_options.Account).ToString(CultureInfo.InvariantCulture), submission.Nonce.ToString(CultureInfo.InvariantCulture),
                index.ToString(CultureInfo.InvariantCulture), submission.TxHash);
            EnvHttp.Console(output).Write(table);
        }

        return 0;
    }

    public async Task<JsonDocument> ActiveOrdersAsync(CancellationToken cancellationToken)
    {
        var token = _client.Signer!.CreateAuthToken(_client.TimeProvider.GetUtcNow().AddMinutes(10));
        var market = _parse.GetValue(_options.Market) is { } m ? "&market_id=" + m.ToString(CultureInfo.InvariantCulture) : "";
        return await _http.GetAsync(string.Create(CultureInfo.InvariantCulture, $"api/v1/accountActiveOrders?account_index={_parse.GetValue(_options.Account)}{market}"),
            token, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
        _key.Dispose();
    }
}
