using Lighter.Client.Http;
using Lighter.Client.Nonces;
using Lighter.Client.RateLimits;
using Lighter.Client.Submission;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lighter.Client;

/// <summary>
/// The Lighter SDK entry point for one account and API key: REST access through the resilient, rate-limited
/// pipeline, and transaction submission with managed nonces. Create it with <see cref="Create"/> or resolve it
/// from DI (<c>services.AddLighterClient(...)</c>).
/// </summary>
public sealed partial class LighterClient : ILighterClient
{
    private readonly bool _ownsHttp;
    private readonly IDisposable? _ownedLimiter;
    private readonly ILogger _logger;
    private IDisposable? _ownedSigner;

    /// <summary>Creates a client over an <see cref="HttpClient"/> that already runs the Lighter pipeline (DI and <see cref="Create"/>).</summary>
    /// <param name="options">Validated options.</param>
    /// <param name="http">HTTP client with the Lighter handlers; its base address is set from the environment when empty.</param>
    /// <param name="timeProvider">Clock (expiries, auth tokens, metadata freshness).</param>
    /// <param name="loggerFactory">Optional logger factory.</param>
    /// <param name="nonces">Nonce sequence to use; by default one is created for the configured account and key.</param>
    internal LighterClient(LighterClientOptions options, HttpClient http, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, INonceManager? nonces = null)
        : this(options, http, timeProvider, loggerFactory, nonces, ownsHttp: false, ownedLimiter: null)
    {
    }

    private LighterClient(LighterClientOptions options, HttpClient http, TimeProvider? timeProvider, ILoggerFactory? loggerFactory, INonceManager? nonces, bool ownsHttp, IDisposable? ownedLimiter)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        options = options.ReadOnlyCopy();
        Options = options;
        Environment = options.ResolveEnvironment();
        Http = http;
        Http.BaseAddress ??= Environment.BaseUrl;
        TimeProvider = timeProvider ?? TimeProvider.System;
        LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = LoggerFactory.CreateLogger<LighterClient>();
        _ownsHttp = ownsHttp;
        _ownedLimiter = ownedLimiter;
        if (nonces is null && options.AccountIndex is { } account && options.ApiKeyIndex is { } key)
        {
            nonces = NewNonceManager(account, key);
        }

        Markets = new Markets.MarketCatalog(ct => Order.OrderBookDetailsAsync(cancellationToken: ct), TimeProvider, options.MarketMetadataTtl, LoggerFactory.CreateLogger<Markets.MarketCatalog>());
        if (nonces is not null)
        {
            Submitter = NewSubmitter(nonces);
        }
    }

    /// <inheritdoc />
    public Markets.MarketCatalog Markets { get; }

    /// <inheritdoc />
    public LighterClientOptions Options { get; }

    /// <inheritdoc />
    public LighterEnvironment Environment { get; }

    /// <summary>The HTTP client running the Lighter pipeline (errors, retries, rate limits, auth tokens).</summary>
    internal HttpClient Http { get; }

    /// <inheritdoc />
    public TimeProvider TimeProvider { get; }

    /// <summary>The logger factory.</summary>
    internal ILoggerFactory LoggerFactory { get; }

    /// <summary>Nonce-managed submission for the configured account and key (null for a read-only client).</summary>
    internal TransactionSubmitter? Submitter { get; }

    /// <summary>
    /// Builds a client with its own pipeline, for use without dependency injection. With a
    /// <see cref="LighterClientOptions.PrivateKey"/> the managed signer is attached (see <see cref="Trading.ManagedTransactionSigner"/>).
    /// </summary>
    /// <param name="options">Options (validated here).</param>
    /// <param name="transport">Innermost handler; a pooled <see cref="SocketsHttpHandler"/> by default.</param>
    /// <param name="timeProvider">Clock; <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="loggerFactory">Optional logger factory.</param>
    /// <param name="signer">
    /// A signer of your own (a hardware or remote signer, a test double) instead of the managed signer built from
    /// <see cref="LighterClientOptions.PrivateKey"/>; the caller keeps ownership. It must sign for the client's chain,
    /// account and API key.
    /// </param>
    /// <exception cref="LighterConfigurationException">The options are invalid, both a private key and a signer are given, or the signer is for another chain, account or key.</exception>
    public static LighterClient Create(LighterClientOptions options, HttpMessageHandler? transport = null, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, Trading.ILighterTransactionSigner? signer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var environment = options.ResolveEnvironment();
        var time = timeProvider ?? TimeProvider.System;
        var limiter = options.RateLimitTier == RateLimitTier.Unlimited ? null : new LighterRateLimiter(options, time);
        LighterClient? client = null;
        var auth = new Auth.AuthTokenHandler(() => client?.AuthTokens, Auth.AuthOperations.Of);
        var pipeline = LighterHttpPipeline.Create(options, time, limiter, auth, transport ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, loggerFactory);
        var http = new HttpClient(pipeline) { BaseAddress = environment.BaseUrl, Timeout = Timeout.InfiniteTimeSpan };
        client = new LighterClient(options, http, time, loggerFactory, null, ownsHttp: true, ownedLimiter: limiter);
        try
        {
            if (signer is not null)
            {
                if (options.PrivateKey is not null)
                {
                    throw new LighterConfigurationException("Give either PrivateKey in the options or a signer, not both.");
                }

                client.AttachSigner(signer);
            }
            else
            {
                client.AttachOwnedSigner(Trading.ManagedTransactionSigner.FromOptions(options, time));
            }
        }
        catch
        {
            client.Dispose();
            throw;
        }

        return client;
    }

    /// <summary>Attaches a signer this client disposes (the one built from <see cref="LighterClientOptions.PrivateKey"/>); null is a no-op.</summary>
    internal void AttachOwnedSigner(Trading.ManagedTransactionSigner? signer)
    {
        if (signer is null) return;
        try
        {
            AttachSigner(signer);
        }
        catch
        {
            signer.Dispose();
            throw;
        }

        _ownedSigner = signer;
    }

    /// <summary>Leases a nonce, signs with it (<paramref name="sign"/>) and submits through <c>sendTx</c>.</summary>
    /// <exception cref="LighterConfigurationException">No account and API key are configured.</exception>
    /// <exception cref="LighterApiException">The exchange refused the transaction or its fate is unknown.</exception>
    public Task<TxSubmission> SubmitAsync(Func<long, WireTransaction> sign, CancellationToken cancellationToken = default) =>
        RequireSubmitter().SubmitAsync(sign, cancellationToken);

    /// <summary>
    /// Releases the HTTP pipeline, the signer built from the options and <see cref="Streams"/> (whose sockets are
    /// closed synchronously here; prefer <see cref="DisposeAsync"/> in async code).
    /// </summary>
    public void Dispose()
    {
        DisposeTrackersAsync().AsTask().GetAwaiter().GetResult();
        TakeStreamsForDisposal()?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        DisposeHttpAndSigner();
    }

    /// <summary>Closes <see cref="Streams"/> and releases the HTTP pipeline and the signer built from the options.</summary>
    public async ValueTask DisposeAsync()
    {
        await DisposeTrackersAsync().ConfigureAwait(false);
        if (TakeStreamsForDisposal() is { } streams)
        {
            await streams.DisposeAsync().ConfigureAwait(false);
        }

        DisposeHttpAndSigner();
    }

    private async ValueTask DisposeTrackersAsync()
    {
        var (orders, account) = TakeTrackersForDisposal();
        if (account is not null) await account.DisposeAsync().ConfigureAwait(false);
        if (orders is not null) await orders.DisposeAsync().ConfigureAwait(false);
    }

    private void DisposeHttpAndSigner()
    {
        if (_ownsHttp) Http.Dispose();
        _ownedLimiter?.Dispose();
        _ownedSigner?.Dispose();
    }

    private NonceManager NewNonceManager(long account, int apiKey) =>
        new(account, apiKey, ct => NextNonceReader.FetchAsync(Http, account, apiKey, ct), Options.NonceWindow, TimeProvider, LoggerFactory.CreateLogger<NonceManager>());

    private TransactionSubmitter NewSubmitter(INonceManager nonces) =>
        new(Http, nonces, LoggerFactory.CreateLogger<TransactionSubmitter>(), Options.SubmissionRetry, TimeProvider) { CircuitBreakDuration = Options.CircuitBreakDuration };

    private TransactionSubmitter RequireSubmitter() =>
        Submitter ?? throw new LighterConfigurationException("This client has no AccountIndex/ApiKeyIndex configured, so it cannot submit transactions.");
}
