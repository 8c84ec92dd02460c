using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Lighter.Client;
using Lighter.Client.Models;
using Lighter.Client.Submission;
using Lighter.Signing;
using Spectre.Console;

namespace Lighter.Cli.Commands;

/// <summary>The options of the <c>order</c> subcommands: environment, account, API key, private key source, market.</summary>
internal sealed class OrderOptions(bool marketRequired = true)
{
    public EnvOptions Env { get; } = new(EnvParts.Rest | EnvParts.ChainId | EnvParts.Json);

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
/// scaling, signing, submission, and the generated REST interfaces with auth tokens attached), and the output.
/// </summary>
internal sealed class OrderSession : IDisposable
{
    private readonly LighterClient _client;
    private readonly LighterPrivateKey _key;
    private readonly ParseResult _parse;
    private readonly OrderOptions _options;

    private OrderSession(OrderOptions options, ParseResult parse, LighterPrivateKey key, LighterEnvironment environment)
    {
        _options = options;
        _parse = parse;
        _key = key;
        _client = ExchangeCall.CreateClient(environment, o =>
        {
            o.AccountIndex = parse.GetValue(options.Account);
            o.ApiKeyIndex = parse.GetValue(options.ApiKey);
            o.PrivateKey = key.ExportHex();
        });
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
        if (_options.Env.WantsJson(_parse))
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new { tx_hash = submission.TxHash, nonce = submission.Nonce, index })).ConfigureAwait(false);
        }
        else
        {
            var table = new Table().AddColumns("tx", "account", "nonce", "index", "tx hash");
            table.AddRow(txType, _parse.GetValue(_options.Account).ToString(CultureInfo.InvariantCulture), submission.Nonce.ToString(CultureInfo.InvariantCulture),
                index.ToString(CultureInfo.InvariantCulture), submission.TxHash);
            CliConsole.Create(output).Write(table);
        }

        return 0;
    }

    /// <summary>The account's open orders (<c>accountActiveOrders</c>; the client attaches the auth token).</summary>
    public Task<Orders> ActiveOrdersAsync(CancellationToken cancellationToken) =>
        _client.Order.AccountActiveOrdersAsync(_parse.GetValue(_options.Account), _parse.GetValue(_options.Market), cancellationToken: cancellationToken);

    public void Dispose()
    {
        _client.Dispose();
        _key.Dispose();
    }
}
