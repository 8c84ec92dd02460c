using System.Collections;
using System.Globalization;

namespace Lighter.Client;

/// <summary>
/// Reads the <c>LIGHTER_*</c> environment variables into <see cref="LighterClientOptions"/>:
/// <c>LIGHTER_ENVIRONMENT</c>, <c>LIGHTER_BASE_URL</c>, <c>LIGHTER_WS_URL</c>, <c>LIGHTER_CHAIN_ID</c>,
/// <c>LIGHTER_ACCOUNT_INDEX</c>, <c>LIGHTER_API_KEY_INDEX</c>, <c>LIGHTER_PRIVATE_KEY</c>, <c>LIGHTER_KEY_CHAIN_ID</c>,
/// <c>LIGHTER_RATE_LIMIT_TIER</c>, <c>LIGHTER_REST_BUDGET_PER_MINUTE</c>, <c>LIGHTER_SENDTX_PER_MINUTE</c>.
/// Variables that are set override configuration values.
/// </summary>
public static class LighterEnvironmentVariables
{
    /// <summary>Applies the process environment variables to <paramref name="options"/>.</summary>
    public static void Apply(LighterClientOptions options) => Apply(options, System.Environment.GetEnvironmentVariables());

    /// <summary>Applies the given variables (name to value) to <paramref name="options"/>.</summary>
    /// <exception cref="LighterConfigurationException">A variable is set to a value of the wrong type.</exception>
    public static void Apply(LighterClientOptions options, IDictionary variables)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(variables);
        string? Get(string name) => variables[name] is string s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

        if (Get("LIGHTER_ENVIRONMENT") is { } env) options.Environment = env;
        if (Get("LIGHTER_BASE_URL") is { } baseUrl) options.BaseUrl = ParseUri("LIGHTER_BASE_URL", baseUrl);
        if (Get("LIGHTER_WS_URL") is { } wsUrl) options.WebSocketUrl = ParseUri("LIGHTER_WS_URL", wsUrl);
        if (Get("LIGHTER_CHAIN_ID") is { } chain) options.ChainId = (int)ParseInt("LIGHTER_CHAIN_ID", chain);
        if (Get("LIGHTER_KEY_CHAIN_ID") is { } keyChain) options.KeyChainId = (int)ParseInt("LIGHTER_KEY_CHAIN_ID", keyChain);
        if (Get("LIGHTER_ACCOUNT_INDEX") is { } account) options.AccountIndex = ParseInt("LIGHTER_ACCOUNT_INDEX", account, long.MaxValue);
        if (Get("LIGHTER_API_KEY_INDEX") is { } key) options.ApiKeyIndex = (int)ParseInt("LIGHTER_API_KEY_INDEX", key);
        if (Get("LIGHTER_PRIVATE_KEY") is { } privateKey) options.PrivateKey = privateKey;
        if (Get("LIGHTER_REST_BUDGET_PER_MINUTE") is { } rest) options.RestBudgetPerMinute = (int)ParseInt("LIGHTER_REST_BUDGET_PER_MINUTE", rest);
        if (Get("LIGHTER_SENDTX_PER_MINUTE") is { } sendTx) options.SendTxPerMinute = (int)ParseInt("LIGHTER_SENDTX_PER_MINUTE", sendTx);
        if (Get("LIGHTER_RATE_LIMIT_TIER") is { } tier)
        {
            options.RateLimitTier = Enum.TryParse<RateLimitTier>(tier, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new LighterConfigurationException($"LIGHTER_RATE_LIMIT_TIER '{tier}' is not one of {string.Join(", ", Enum.GetNames<RateLimitTier>())}.");
        }
    }

    private static long ParseInt(string name, string value, long max = int.MaxValue) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed >= int.MinValue && parsed <= max
            ? parsed
            : throw new LighterConfigurationException($"{name} '{value}' is not a valid integer.");

    private static Uri ParseUri(string name, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? uri
            : throw new LighterConfigurationException($"{name} '{value}' is not an absolute URL.");
}
