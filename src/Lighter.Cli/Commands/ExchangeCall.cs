using Lighter.Client;

namespace Lighter.Cli.Commands;

/// <summary>
/// How the exchange-facing commands reach the exchange (a <see cref="LighterClient"/> and its generated REST
/// interfaces) and map failures to exit codes: an exchange rejection (HTTP error or <c>ResultCode</c>) is exit code 1
/// with the exchange's code and message, an unreachable exchange is exit code 3.
/// </summary>
internal static class ExchangeCall
{
    /// <summary>Exit code when the exchange cannot be reached.</summary>
    public const int Unreachable = 3;

    /// <summary>The exit codes of the exchange-facing commands, for their help text.</summary>
    public const string ExitSemantics =
        "Exit codes: 0 success; 1 the exchange rejected the request (its code and message on stderr) or an input is invalid; " +
        "2 usage error (unknown or missing option); 3 the exchange cannot be reached.";

    /// <summary>A client for <paramref name="environment"/>; <paramref name="configure"/> adds the account and key.</summary>
    public static LighterClient CreateClient(LighterEnvironment environment, Action<LighterClientOptions>? configure = null)
    {
        var options = new LighterClientOptions
        {
            Environment = "custom",
            BaseUrl = environment.BaseUrl,
            WebSocketUrl = environment.WebSocketUrl,
            ChainId = environment.ChainId,
            // One command, one call: a person at a shell wants the answer (or the failure) now, not after backoff,
            // and the exchange enforces its own limits.
            RateLimitTier = RateLimitTier.Unlimited,
            MaxRetries = 0,
        };
        configure?.Invoke(options);
        return LighterClient.Create(options);
    }

    /// <summary>Runs a command body, mapping failures to exit codes with one line on stderr.</summary>
    public static async Task<int> GuardAsync(TextWriter error, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (Exception e) when (Describe(e) is { } failure)
        {
            await error.WriteLineAsync(failure.Line).ConfigureAwait(false);
            return failure.Exit;
        }
    }

    private static (string Line, int Exit)? Describe(Exception e) => e switch
    {
        LighterApiException { StatusCode: null, Code: null } => ($"error: cannot reach the exchange: {e.Message}", Unreachable),
        LighterApiException => ($"error: the exchange rejected the request: {e.Message}", 1),
        ArgumentException or FormatException or Signing.LighterSigningException or LighterConfigurationException => ($"error: {e.Message}", 1),
        HttpRequestException or TaskCanceledException => ($"error: cannot reach the exchange: {e.Message}", Unreachable),
        _ => null,
    };
}
