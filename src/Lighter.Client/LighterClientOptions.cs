using System.Text.Json.Serialization;
using Lighter.Client.Serialization;

namespace Lighter.Client;

/// <summary>
/// Settings of a Lighter client: which deployment, which account and API key, and how the client
/// paces, retries and times out requests. Bind from the <c>Lighter</c> configuration section or from
/// <c>LIGHTER_*</c> environment variables (<see cref="LighterEnvironmentVariables"/>).
/// </summary>
public sealed class LighterClientOptions
{
    /// <summary>The configuration section the options bind from by default.</summary>
    public const string SectionName = "Lighter";

    /// <summary><c>mainnet</c> (default), <c>testnet</c> or <c>custom</c> (then <see cref="BaseUrl"/>, <see cref="WebSocketUrl"/> and <see cref="ChainId"/> are required).</summary>
    public string Environment { get; set { ThrowIfFrozen(); field = value; } } = "mainnet";

    /// <summary>REST base URL; overrides the environment's (e.g. a proxy). Required for <c>custom</c>.</summary>
    public Uri? BaseUrl { get; set { ThrowIfFrozen(); field = value; } }

    /// <summary>WebSocket URL; overrides the environment's. Required for <c>custom</c>.</summary>
    public Uri? WebSocketUrl { get; set { ThrowIfFrozen(); field = value; } }

    /// <summary>
    /// Chain id to sign for. For <c>mainnet</c>/<c>testnet</c> it may be left empty; when given it must equal the
    /// environment's (a mismatch is a startup error, never a silent override). Required for <c>custom</c>.
    /// </summary>
    public int? ChainId { get; set { ThrowIfFrozen(); field = value; } }

    /// <summary>Account index that signs transactions (required for trading, optional for read-only use).</summary>
    public long? AccountIndex { get; set { ThrowIfFrozen(); field = value; } }

    /// <summary>API key index (0..254) whose private key is <see cref="PrivateKey"/>.</summary>
    public int? ApiKeyIndex { get; set { ThrowIfFrozen(); field = value; } }

    /// <summary>
    /// The API private key (hex, 40 bytes, optional <c>0x</c>). Never logged; prefer the <c>LIGHTER_PRIVATE_KEY</c>
    /// variable or a secret store over a settings file.
    /// </summary>
    /// <remarks>
    /// System.Text.Json writes it as <c>"&lt;redacted&gt;"</c> (<see cref="RedactedSecretJsonConverter"/>) rather than
    /// leaving it out, so a diagnostic dump of the options still shows whether a key is configured; reading that marker
    /// back is refused. Configuration binding (<c>IConfiguration</c>) does not go through JSON and is unaffected.
    /// </remarks>
    [JsonConverter(typeof(RedactedSecretJsonConverter))]
    public string? PrivateKey { get; set { ThrowIfFrozen(); field = value; } }

    /// <summary>
    /// The chain id the API key was registered on, when known. If set and different from the environment's chain
    /// id the options fail validation: a key registered for one environment cannot silently sign for another.
    /// </summary>
    public int? KeyChainId { get; set { ThrowIfFrozen(); field = value; } }

    /// <summary>Account tier whose documented limits the client enforces before sending (default Standard).</summary>
    public RateLimitTier RateLimitTier { get; set { ThrowIfFrozen(); field = value; } } = RateLimitTier.Standard;

    /// <summary>Overrides the REST budget per rolling minute (requests for Standard, weight otherwise).</summary>
    public int? RestBudgetPerMinute { get; set { ThrowIfFrozen(); field = value; } }

    /// <summary>Overrides the sendTx/sendTxBatch budget per rolling minute (Premium: 4,000 at 0 staked LIT, more with stake).</summary>
    public int? SendTxPerMinute { get; set { ThrowIfFrozen(); field = value; } }

    /// <summary>How many requests may wait for rate-limit permits before new ones fail fast (default 10,000).</summary>
    public int RateLimitQueueLimit { get; set { ThrowIfFrozen(); field = value; } } = 10_000;

    /// <summary>Timeout of one HTTP attempt (default 10 s).</summary>
    public TimeSpan AttemptTimeout { get; set { ThrowIfFrozen(); field = value; } } = TimeSpan.FromSeconds(10);

    /// <summary>Timeout of a whole call including retries (default 30 s).</summary>
    public TimeSpan TotalTimeout { get; set { ThrowIfFrozen(); field = value; } } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of idempotent reads and of requests the server refused before processing (default 3).</summary>
    public int MaxRetries { get; set { ThrowIfFrozen(); field = value; } } = 3;

    /// <summary>First retry delay; later ones grow exponentially with jitter (default 200 ms). <c>Retry-After</c> wins when present.</summary>
    public TimeSpan RetryBaseDelay { get; set { ThrowIfFrozen(); field = value; } } = TimeSpan.FromMilliseconds(200);

    /// <summary>Lifetime of the auth tokens the client creates (default 1 h; the server accepts at most 8 h).</summary>
    public TimeSpan AuthTokenLifetime { get; set { ThrowIfFrozen(); field = value; } } = TimeSpan.FromHours(1);

    /// <summary>How long before expiry a cached auth token is replaced (default 2 min).</summary>
    public TimeSpan AuthTokenRenewBefore { get; set { ThrowIfFrozen(); field = value; } } = TimeSpan.FromMinutes(2);

    /// <summary>How long cached market metadata (decimals) is trusted before it is fetched again (default 15 min).</summary>
    public TimeSpan MarketMetadataTtl { get; set { ThrowIfFrozen(); field = value; } } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How far ahead of the exchange's next nonce (as the client knows it) a transaction may be sent. The exchange
    /// accepts nonces up to 15 ahead of the key's next one (concurrent requests arrive out of order) and refuses the
    /// rest as "invalid nonce"; senders beyond the window wait instead. Default 16; 1 sends strictly in nonce order.
    /// </summary>
    public int NonceWindow { get; set { ThrowIfFrozen(); field = value; } } = DefaultNonceWindow;

    /// <summary>The exchange's out-of-order nonce window.</summary>
    public const int DefaultNonceWindow = 16;

    /// <summary>
    /// How long the circuit breaker stays open after repeated server failures (default 5 s, at least 0.5 s); submissions wait for it
    /// instead of counting its refusals as attempts.
    /// </summary>
    public TimeSpan CircuitBreakDuration { get; set { ThrowIfFrozen(); field = value; } } = DefaultCircuitBreakDuration;

    /// <summary>The default <see cref="CircuitBreakDuration"/>.</summary>
    public static readonly TimeSpan DefaultCircuitBreakDuration = TimeSpan.FromSeconds(5);

    /// <summary>Resending of transactions that got no clear answer (attempts, time budget, backoff).</summary>
    public SubmissionRetryOptions SubmissionRetry { get; set { ThrowIfFrozen(); field = value; } } = new();

    /// <summary>Resolves the effective <see cref="LighterEnvironment"/> (after validation).</summary>
    /// <exception cref="LighterConfigurationException">The options are invalid.</exception>
    public LighterEnvironment ResolveEnvironment()
    {
        LighterClientOptionsValidator.ThrowIfInvalid(this);
        var known = LighterEnvironment.FromName(Environment);
        if (known is not null && BaseUrl is null && WebSocketUrl is null)
        {
            return known;
        }

        return LighterEnvironment.Custom(
            known?.Name ?? Environment.Trim(),
            BaseUrl ?? known!.BaseUrl,
            WebSocketUrl ?? known!.WebSocketUrl,
            ChainId ?? known!.ChainId);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"LighterClientOptions {{ Environment = {Environment}, AccountIndex = {AccountIndex}, ApiKeyIndex = {ApiKeyIndex}, PrivateKey = {(PrivateKey is null ? "<none>" : "<redacted>")} }}";

    /// <summary>True once a client was built from this instance: it can no longer be changed.</summary>
    public bool IsReadOnly { get; private set; }

    /// <summary>A frozen copy for a client, so that later changes to the caller's instance do not reach it.</summary>
    internal LighterClientOptions ReadOnlyCopy()
    {
        var copy = (LighterClientOptions)MemberwiseClone();
        copy.IsReadOnly = false;
        copy.SubmissionRetry = SubmissionRetry?.ReadOnlyCopy()!;
        copy.IsReadOnly = true;
        return copy;
    }

    private void ThrowIfFrozen()
    {
        if (IsReadOnly)
        {
            throw new InvalidOperationException("These options belong to a client and are read-only; change a copy and build a new client.");
        }
    }
}
