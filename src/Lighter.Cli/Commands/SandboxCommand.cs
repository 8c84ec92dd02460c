using System.CommandLine;
using System.Text.Json;
using Lighter.Signing;
using Lighter.Testing;
using Lighter.Testing.Faults;
using Spectre.Console;

namespace Lighter.Cli.Commands;

/// <summary>
/// <c>lighter sandbox</c>: runs the in-process sandbox exchange standalone until Ctrl+C, with funded accounts,
/// and prints its URLs, chain id and accounts.
/// </summary>
internal static class SandboxCommand
{
    /// <summary>The API key index the sandbox registers keys at.</summary>
    public const byte ApiKeyIndex = 3;

    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Loopback port (0 = any free port).", DefaultValueFactory = _ => EnvOptions.SandboxPort };
        var chainId = new Option<uint>("--chain-id")
        {
            Description = "Chain id transactions must be signed for (default 31337: not mainnet's 304 or testnet's 300).",
            DefaultValueFactory = _ => LighterSandbox.DefaultChainId,
        };
        var accounts = new Option<int>("--accounts") { Description = "Funded accounts to create.", DefaultValueFactory = _ => 2 };
        var usdc = new Option<decimal>("--usdc") { Description = "USDC collateral per account.", DefaultValueFactory = _ => 100_000m };
        var publicKey = new Option<string?>("--public-key")
        {
            Description = "Register this API public key (hex) on every account at index 3, e.g. from `lighter keys new`. " +
                "Without it the sandbox generates a throwaway key per account and prints it (valid only on the sandbox's chain).",
        };
        var json = new Option<bool>("--json") { Description = "Print the URLs and accounts as one JSON line." };
        var faults = new Option<string?>("--faults")
        {
            Description = "Answer REST requests with a seeded fault storm: storm, storm:SEED or storm:SEED:SHARE (SHARE of 429s and of 5xx each, " +
                "default 0.10; half of the 5xx to sendTx come after the transaction executed; at most 3 faults in a row per request).",
        };
        var nonceWindow = new Option<int>("--nonce-window")
        {
            Description = "How far ahead of an API key's next nonce a transaction is accepted (the exchange's out-of-order window).",
            DefaultValueFactory = _ => LighterSandboxOptions.DefaultNonceWindow,
        };
        var command = new Command("sandbox",
            "Run the Lighter sandbox exchange on loopback until Ctrl+C. It creates funded demo accounts with an API key at index 3 and " +
            "prints each account's throwaway private key (valid only on the sandbox's chain) so you can trade from a shell: " +
            $"export {KeysSecretReader.DefaultVariable}=<key>, then `lighter order create --env sandbox --account-index <n> --api-key-index 3 ...`. " +
            "On Ctrl+C or SIGTERM it prints one summary line (transactions executed, faults injected) and exits 0; " +
            "exit code 1 if --public-key is not a key, 2 on a usage error.")
        {
            port, chainId, accounts, usdc, publicKey, json, faults, nonceWindow,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            LighterPublicKey? registered = null;
            if (parse.GetValue(publicKey) is { } hex)
            {
                if (!LighterPublicKey.TryParse(hex, out var key))
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync("error: --public-key is not a Lighter public key").ConfigureAwait(false);
                    return 1;
                }

                registered = key;
            }

            SandboxStorm? storm = null;
            if (parse.GetValue(faults) is { } schedule)
            {
                try
                {
                    storm = SandboxStorm.Parse(schedule);
                }
                catch (FormatException ex)
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync("error: --faults: " + ex.Message).ConfigureAwait(false);
                    return 2;
                }
            }

            if (parse.GetValue(nonceWindow) < 1)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("error: --nonce-window must be at least 1.").ConfigureAwait(false);
                return 2;
            }

            using var stopping = TerminationSignals.Listen(cancellationToken);
            var sandbox = await LighterSandbox.StartAsync(
                new LighterSandboxOptions { Port = parse.GetValue(port), ChainId = parse.GetValue(chainId), NonceWindow = parse.GetValue(nonceWindow) },
                cancellationToken).ConfigureAwait(false);
            await using var stop = sandbox.ConfigureAwait(false);
            if (storm is not null) sandbox.Faults.StartStorm(storm);
            var created = CreateAccounts(sandbox, parse.GetValue(accounts), parse.GetValue(usdc), registered);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    base_url = sandbox.BaseUri,
                    ws_url = sandbox.WebSocketUri,
                    chain_id = sandbox.ChainId,
                    accounts = created.Select(a => new { account_index = a.Index, api_key_index = ApiKeyIndex, private_key = a.PrivateKey, public_key = a.PublicKey }),
                })).ConfigureAwait(false);
            }
            else
            {
                Print(output, sandbox, created);
            }

            try
            {
                await Task.Delay(Timeout.Infinite, stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: stop cleanly.
            }

            await output.WriteLineAsync(Summary(sandbox)).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    /// <summary>The shutdown line: what the sandbox executed and which faults it injected (the exchange's own count).</summary>
    internal static string Summary(LighterSandbox sandbox)
    {
        var text = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"sandbox stopped: {sandbox.TransactionCount} transactions executed");
        if (sandbox.Faults.StormStats is { } s)
        {
            text += string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"; storm: {s.Requests} requests, {s.RateLimited} answered 429, {s.ServerErrors} answered 5xx, {s.AppliedThenServerErrors} executed then answered 503, {s.Delayed} delayed");
        }

        return text;
    }

    private static List<CreatedAccount> CreateAccounts(LighterSandbox sandbox, int count, decimal usdc, LighterPublicKey? registered)
    {
        var created = new List<CreatedAccount>();
        for (var i = 0; i < count; i++)
        {
            var account = sandbox.CreateAccount(usdc);
            if (registered is { } shared)
            {
                sandbox.RegisterApiKey(account.Index, ApiKeyIndex, shared);
                created.Add(new CreatedAccount(account.Index, null, shared.ToHex()));
                continue;
            }

            using var key = LighterPrivateKey.Generate();
            sandbox.RegisterApiKey(account.Index, ApiKeyIndex, key.PublicKey);
            created.Add(new CreatedAccount(account.Index, "0x" + key.ExportHex(), key.PublicKey.ToHex()));
        }

        return created;
    }

    private static void Print(TextWriter output, LighterSandbox sandbox, List<CreatedAccount> accounts)
    {
        var console = CliConsole.Create(output);
        console.MarkupLine($"[green]Lighter sandbox[/] REST [bold]{sandbox.BaseUri}[/]  WS [bold]{sandbox.WebSocketUri}[/]  chain id [bold]{sandbox.ChainId}[/]");
        var table = new Table().AddColumns("account", "api key", "private key (sandbox only)", "public key");
        foreach (var account in accounts)
        {
            table.AddRow(account.Index.ToString(System.Globalization.CultureInfo.InvariantCulture), ApiKeyIndex.ToString(System.Globalization.CultureInfo.InvariantCulture),
                account.PrivateKey ?? "(yours)", account.PublicKey);
        }

        console.Write(table);
        console.MarkupLine("Markets: ETH (0), BTC (1). Press [bold]Ctrl+C[/] to stop.");
        if (accounts.FirstOrDefault(a => a.PrivateKey is not null) is { } first)
        {
            console.MarkupLine(Markup.Escape($"Trade from another shell: export {KeysSecretReader.DefaultVariable}=<private key of account {first.Index}>; " +
                $"lighter order create --env sandbox --account-index {first.Index} --api-key-index {ApiKeyIndex} --market 0 --side sell --size 0.1 --price 3000"));
        }
    }

    private sealed record CreatedAccount(long Index, string? PrivateKey, string PublicKey);
}
