using Microsoft.Extensions.Options;

namespace Lighter.Client;

/// <summary>Checks <see cref="LighterClientOptions"/> at start-up and names every bad setting in one message.</summary>
internal sealed class LighterClientOptionsValidator : IValidateOptions<LighterClientOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, LighterClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Collect(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Throws <see cref="LighterConfigurationException"/> listing every problem, if there is any.</summary>
    public static void ThrowIfInvalid(LighterClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Collect(options);
        if (errors.Count > 0)
        {
            throw new LighterConfigurationException(errors);
        }
    }

    internal static List<string> Collect(LighterClientOptions o)
    {
        var errors = new List<string>();
        var known = LighterEnvironment.FromName(o.Environment);
        var isCustom = string.Equals(o.Environment?.Trim(), "custom", StringComparison.OrdinalIgnoreCase);
        if (known is null && !isCustom)
        {
            errors.Add($"Lighter:Environment '{o.Environment}' is unknown; use 'mainnet', 'testnet' or 'custom'.");
        }

        if (isCustom)
        {
            if (o.BaseUrl is null) errors.Add("Lighter:BaseUrl is required when Environment is 'custom'.");
            if (o.WebSocketUrl is null) errors.Add("Lighter:WebSocketUrl is required when Environment is 'custom'.");
            if (o.ChainId is null) errors.Add("Lighter:ChainId is required when Environment is 'custom' (304 mainnet, 300 testnet).");
        }

        CheckUrls(o, errors);
        var chainId = o.ChainId ?? known?.ChainId;
        if (known is not null && o.ChainId is { } given && given != known.ChainId)
        {
            errors.Add($"Lighter:ChainId {given} does not match environment '{known.Name}' (chain {known.ChainId}); remove it or choose the matching environment.");
        }

        if (o.ChainId is <= 0) errors.Add($"Lighter:ChainId {o.ChainId} must be positive.");
        if (o.KeyChainId is { } keyChain && chainId is { } envChain && keyChain != envChain)
        {
            errors.Add($"Lighter:KeyChainId {keyChain} says the API key was registered on another chain than the configured environment (chain {envChain}); it would sign transactions the exchange rejects.");
        }

        CheckAccount(o, errors);
        CheckLimitsAndTimes(o, errors);
        return errors;
    }

    private static void CheckUrls(LighterClientOptions o, List<string> errors)
    {
        if (o.BaseUrl is { } b && (!b.IsAbsoluteUri || (b.Scheme != Uri.UriSchemeHttp && b.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"Lighter:BaseUrl '{b}' must be an absolute http(s) URL.");
        }

        if (o.WebSocketUrl is { } w && (!w.IsAbsoluteUri || (w.Scheme != Uri.UriSchemeWs && w.Scheme != Uri.UriSchemeWss)))
        {
            errors.Add($"Lighter:WebSocketUrl '{w}' must be an absolute ws(s) URL.");
        }
    }

    private static void CheckAccount(LighterClientOptions o, List<string> errors)
    {
        if (o.AccountIndex is < 0 or > (1L << 48) - 2)
        {
            errors.Add($"Lighter:AccountIndex {o.AccountIndex} is outside 0..2^48-2.");
        }

        if (o.ApiKeyIndex is < 0 or > 254)
        {
            errors.Add($"Lighter:ApiKeyIndex {o.ApiKeyIndex} is outside 0..254.");
        }

        if (o.PrivateKey is not null)
        {
            if (o.AccountIndex is null) errors.Add("Lighter:AccountIndex is required when a PrivateKey is configured.");
            if (o.ApiKeyIndex is null) errors.Add("Lighter:ApiKeyIndex is required when a PrivateKey is configured.");
            if (!LooksLikeKey(o.PrivateKey))
            {
                // The key itself is never echoed, not even partly.
                errors.Add("Lighter:PrivateKey must be 80 hex digits (40 bytes), optionally prefixed with 0x.");
            }
        }
    }

    private static void CheckLimitsAndTimes(LighterClientOptions o, List<string> errors)
    {
        if (!Enum.IsDefined(o.RateLimitTier)) errors.Add($"Lighter:RateLimitTier '{o.RateLimitTier}' is unknown.");
        if (o.RestBudgetPerMinute is <= 0) errors.Add("Lighter:RestBudgetPerMinute must be positive.");
        if (o.SendTxPerMinute is <= 0) errors.Add("Lighter:SendTxPerMinute must be positive.");
        if (o.RateLimitQueueLimit < 0) errors.Add("Lighter:RateLimitQueueLimit must not be negative.");
        if (o.MaxRetries is < 0 or > 20) errors.Add("Lighter:MaxRetries must be within 0..20.");
        if (o.AttemptTimeout <= TimeSpan.Zero) errors.Add("Lighter:AttemptTimeout must be positive.");
        if (o.TotalTimeout < o.AttemptTimeout) errors.Add("Lighter:TotalTimeout must be at least AttemptTimeout.");
        if (o.RetryBaseDelay < TimeSpan.Zero) errors.Add("Lighter:RetryBaseDelay must not be negative.");
        if (o.AuthTokenLifetime <= TimeSpan.Zero || o.AuthTokenLifetime > TimeSpan.FromHours(8))
        {
            errors.Add("Lighter:AuthTokenLifetime must be within (0, 8 h]; the server refuses tokens further ahead.");
        }

        if (o.AuthTokenRenewBefore < TimeSpan.Zero || o.AuthTokenRenewBefore >= o.AuthTokenLifetime)
        {
            errors.Add("Lighter:AuthTokenRenewBefore must be non-negative and shorter than AuthTokenLifetime.");
        }

        if (o.MarketMetadataTtl <= TimeSpan.Zero) errors.Add("Lighter:MarketMetadataTtl must be positive.");
        if (o.NonceWindow < 1) errors.Add("Lighter:NonceWindow must be at least 1.");
        if (o.CircuitBreakDuration < TimeSpan.FromMilliseconds(500)) errors.Add("Lighter:CircuitBreakDuration must be at least 500 ms.");
        if (o.SubmissionRetry is null) errors.Add("Lighter:SubmissionRetry must not be null.");
        else errors.AddRange(o.SubmissionRetry.Validate());
    }

    private static bool LooksLikeKey(string key)
    {
        var hex = key.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? key.AsSpan(2) : key.AsSpan();
        return hex.Length == 80 && !hex.ContainsAnyExcept("0123456789abcdefABCDEF");
    }
}
