using System.CommandLine;
using System.Globalization;
using Lighter.Signing.Auth;

namespace Lighter.Cli.Commands;

/// <summary><c>lighter auth-token</c>: prints an auth token for an account and API key.</summary>
internal static class AuthTokenCommand
{
    public static Command Create()
    {
        var variable = new Option<string?>("--private-key-env")
        {
            Description = $"Environment variable holding the API private key (default {KeysSecretReader.DefaultVariable}).",
            DefaultValueFactory = _ => KeysSecretReader.DefaultVariable,
        };
        var stdin = new Option<bool>("--private-key-stdin") { Description = "Read the API private key from stdin instead." };
        var account = new Option<long>("--account-index") { Description = "Account index.", Required = true };
        var apiKey = new Option<byte>("--api-key-index") { Description = "API key index (0..254).", Required = true };
        var deadline = new Option<string?>("--deadline")
        {
            Description = "Expiry as Unix seconds or ISO 8601 (default now + 7 h; at most 8 h ahead).",
        };
        var command = new Command(
            "auth-token",
            "Create an auth token (deadline:account:apiKey:signature). The key is read from an environment variable " +
            "or stdin, never from the command line, and is never printed. Exit code 1 if the key or deadline is rejected.")
        {
            variable, stdin, account, apiKey, deadline,
        };
        command.SetAction(parse => KeysSecretReader.Guard(parse.InvocationConfiguration.Error, () =>
        {
            using var key = KeysSecretReader.Read(parse.GetValue(stdin) ? null : parse.GetValue(variable), Console.In);
            var token = AuthTokens.Create(
                key, parse.GetValue(account), parse.GetValue(apiKey), ParseDeadline(parse.GetValue(deadline)));
            parse.InvocationConfiguration.Output.WriteLine(token.Value);
            return 0;
        }));
        return command;
    }

    private static DateTimeOffset? ParseDeadline(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            ? when
            : throw new Lighter.Signing.LighterSigningException("--deadline is neither Unix seconds nor ISO 8601.", "deadline");
    }
}
