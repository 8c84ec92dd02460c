using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Lighter.Signing;
using Lighter.Signing.Transactions;
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

/// <summary>One order command's connection: signer, REST client and output.</summary>
internal sealed class OrderSession : IDisposable
{
    private readonly LighterPrivateKey _key;
    private readonly LighterSigner _signer;
    private readonly EnvHttp _http;
    private readonly ParseResult _parse;
    private readonly OrderOptions _options;

    private OrderSession(OrderOptions options, ParseResult parse, LighterPrivateKey key, Client.LighterEnvironment environment)
    {
        _options = options;
        _parse = parse;
        _key = key;
        _signer = new LighterSigner(key, new LighterChainId((uint)environment.ChainId), parse.GetValue(options.Account), parse.GetValue(options.ApiKey));
        _http = new EnvHttp(environment.BaseUrl);
    }

    public short Market => _parse.GetValue(_options.Market) ?? 255;

    public static OrderSession Open(OrderOptions options, ParseResult parse)
    {
        var environment = options.Env.Resolve(parse);
        var key = KeysSecretReader.Read(parse.GetValue(options.KeyVariable), Console.In);
        return new OrderSession(options, parse, key, environment);
    }

    public async Task<(int SizeDecimals, int PriceDecimals)> MarketDecimalsAsync(CancellationToken cancellationToken)
    {
        using var body = await _http.GetAsync($"api/v1/orderBookDetails?market_id={Market.ToString(CultureInfo.InvariantCulture)}", null, cancellationToken)
            .ConfigureAwait(false);
        var detail = body.RootElement.GetProperty("order_book_details").EnumerateArray()
            .Concat(body.RootElement.GetProperty("spot_order_book_details").EnumerateArray())
            .FirstOrDefault(d => d.GetProperty("market_id").GetInt32() == Market);
        return detail.ValueKind == JsonValueKind.Object
            ? (detail.GetProperty("size_decimals").GetInt32(), detail.GetProperty("price_decimals").GetInt32())
            : throw new ArgumentException($"The exchange lists no market {Market}.");
    }

    /// <summary>Signs with the exchange's next nonce, sends over REST and prints the hash.</summary>
    public async Task<int> SendAsync(LighterTransaction transaction, long clientIndex, CancellationToken cancellationToken)
    {
        using var nonceBody = await _http.GetAsync(string.Create(CultureInfo.InvariantCulture,
            $"api/v1/nextNonce?account_index={_signer.AccountIndex}&api_key_index={_signer.ApiKeyIndex}"), null, cancellationToken).ConfigureAwait(false);
        var signed = _signer.Sign(transaction, nonceBody.RootElement.GetProperty("nonce").GetInt64());
        using var response = await _http.PostFormAsync("api/v1/sendTx", new Dictionary<string, string>
        {
            ["tx_type"] = ((int)signed.TxType).ToString(CultureInfo.InvariantCulture),
            ["tx_info"] = signed.TxInfo,
        }, cancellationToken).ConfigureAwait(false);
        var hash = response.RootElement.GetProperty("tx_hash").GetString()!;
        var output = _parse.InvocationConfiguration.Output;
        if (_parse.GetValue(_options.Env.Json))
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new { tx_hash = hash, nonce = signed.Nonce, index = clientIndex })).ConfigureAwait(false);
        }
        else
        {
            var table = new Table().AddColumns("tx", "account", "nonce", "index", "tx hash");
            table.AddRow(signed.TxType.ToString(), _signer.AccountIndex.ToString(CultureInfo.InvariantCulture), signed.Nonce.ToString(CultureInfo.InvariantCulture),
                clientIndex.ToString(CultureInfo.InvariantCulture), hash);
            EnvHttp.Console(output).Write(table);
        }

        return 0;
    }

    public Task<JsonDocument> ActiveOrdersAsync(CancellationToken cancellationToken)
    {
        var token = _signer.CreateAuthToken(DateTimeOffset.UtcNow.AddMinutes(10));
        var market = _parse.GetValue(_options.Market) is { } m ? "&market_id=" + m.ToString(CultureInfo.InvariantCulture) : "";
        return _http.GetAsync(string.Create(CultureInfo.InvariantCulture, $"api/v1/accountActiveOrders?account_index={_signer.AccountIndex}{market}"),
            token.Value, cancellationToken);
    }

    public void Dispose()
    {
        _http.Dispose();
        _key.Dispose();
    }
}
