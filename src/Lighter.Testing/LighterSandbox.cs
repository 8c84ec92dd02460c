using System.Globalization;
using Lighter.Signing;
using Lighter.Testing.Exchange;
using Lighter.Testing.Faults;
using Lighter.Testing.Http;
using Lighter.Testing.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lighter.Testing;

/// <summary>
/// An in-process Lighter exchange on loopback that speaks the exchange's REST and WebSocket wire format,
/// verifies every transaction (signature, chain id, nonce, expiry, market precision) and matches orders in
/// price-time priority. <c>await using var sandbox = await LighterSandbox.StartAsync();</c>
/// </summary>
public sealed class LighterSandbox : IAsyncDisposable
{
    /// <summary>The sandbox's default chain id: not 304 (mainnet) nor 300 (testnet), so sandbox transactions cannot replay there.</summary>
    public const uint DefaultChainId = 31337;

    private readonly WebApplication _app;
    private readonly SandboxExchange _exchange;

    private LighterSandbox(WebApplication app, SandboxExchange exchange, SandboxFaults faults, Uri baseUri)
    {
        _app = app;
        RestRoutes = [.. ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(method => new SandboxRoute(method, "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))))
            .OrderBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.HttpMethod, StringComparer.Ordinal)];
        _exchange = exchange;
        Faults = faults;
        BaseUri = baseUri;
        WebSocketUri = new Uri($"ws://{baseUri.Authority}/stream");
    }

    /// <summary>The REST base address, e.g. <c>http://127.0.0.1:51234/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The WebSocket address, e.g. <c>ws://127.0.0.1:51234/stream</c>.</summary>
    public Uri WebSocketUri { get; }

    /// <summary>
    /// Every REST operation this sandbox serves, read from its route table (the WebSocket endpoint
    /// <c>/stream</c> is not listed). Contract tests use it so a new route cannot go unchecked.
    /// </summary>
    public IReadOnlyList<SandboxRoute> RestRoutes { get; }

    /// <summary>The chain id transactions must be signed for.</summary>
    public uint ChainId => _exchange.ChainId;

    /// <summary>The listed markets.</summary>
    public IReadOnlyList<SandboxMarket> Markets => [.. _exchange.Markets.OrderBy(m => m.MarketId)];

    /// <summary>The current block height (one block per executed transaction).</summary>
    public long Height => _exchange.Read(() => _exchange.Height);

    /// <summary>Fault injection: failing, slow or rate-limited requests, dropped sockets, order-book gaps.</summary>
    public SandboxFaults Faults { get; }

    /// <summary>Starts a sandbox on <c>127.0.0.1</c> (a free port unless <see cref="LighterSandboxOptions.Port"/> says otherwise).</summary>
    public static async Task<LighterSandbox> StartAsync(LighterSandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LighterSandboxOptions();
        Validate(options);
        var exchange = new SandboxExchange(options.ChainId, options.Markets, options.TimeProvider, options.NonceWindow);
        var faults = new SandboxFaults(options.TimeProvider);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        // The host process's appsettings.json or ASPNETCORE_* variables (e.g. Kestrel endpoints) must not reconfigure the sandbox.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.UseUrls("http://127.0.0.1:" + options.Port.ToString(CultureInfo.InvariantCulture));
        var app = builder.Build();
        var hub = new WsHub(exchange, options.WebSocketIdleTimeout, options.TimeProvider);
        faults.Attach(hub);
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.Use((context, next) => faults.InvokeAsync(context, next));
        app.Map("/stream", async (HttpContext context) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            await hub.RunAsync(socket, context.RequestAborted).ConfigureAwait(false);
        });
        RestEndpoints.Map(app, exchange);
        SendTxEndpoints.Map(app, exchange);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LighterSandbox(app, exchange, faults, new Uri(address.TrimEnd('/') + "/"));
    }

    private static void Validate(LighterSandboxOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)options.Port, 65535u, "options.Port");
        ArgumentOutOfRangeException.ThrowIfZero(options.ChainId, "options.ChainId");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.NonceWindow, 1, "options.NonceWindow");
        ArgumentNullException.ThrowIfNull(options.TimeProvider, "options.TimeProvider");
        ArgumentNullException.ThrowIfNull(options.Markets, "options.Markets");
        if (options.Markets.Count == 0 || options.Markets.Select(m => m.MarketId).Distinct().Count() != options.Markets.Count)
        {
            throw new ArgumentException("options.Markets must list at least one market, each id once.", nameof(options));
        }

        foreach (var market in options.Markets)
        {
            if (market.MarketId is not ((>= 0 and <= 254) or (>= 2048 and <= 4094)) || market.SizeDecimals is < 0 or > 18
                || market.PriceDecimals is < 0 or > 18 || market.MinBaseAmount < 0 || market.MinQuoteAmount < 0
                || market.InitialMarginFraction is < 1 or > 10_000)
            {
                throw new ArgumentException($"options.Markets: market {market.MarketId} ({market.Symbol}) is out of range " +
                    "(ids 0..254 or 2048..4094, decimals 0..18, non-negative minimums, margin fraction 1..10000).", nameof(options));
            }
        }

        if (options.WebSocketIdleTimeout is { } idle && idle <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), idle, "options.WebSocketIdleTimeout must be positive.");
        }
    }

    /// <summary>Creates a master account holding <paramref name="usdc"/> USDC of collateral.</summary>
    public SandboxAccount CreateAccount(decimal usdc = 10_000m, string? l1Address = null)
    {
        var account = _exchange.CreateAccount(usdc, l1Address);
        return new SandboxAccount(account.Index, account.L1Address);
    }

    /// <summary>Creates a sub-account of <paramref name="masterIndex"/> holding <paramref name="usdc"/> USDC (indices start at 2^47).</summary>
    public SandboxAccount CreateSubAccount(long masterIndex, decimal usdc = 0m)
    {
        var account = _exchange.CreateSubAccount(masterIndex, usdc);
        return new SandboxAccount(account.Index, account.L1Address);
    }

    /// <summary>
    /// Registers a public key at an API key index of an account (what ChangePubKey does on the exchange);
    /// the key's nonce sequence starts at 0. Replaces a key already registered at that index.
    /// </summary>
    public void RegisterApiKey(long accountIndex, int apiKeyIndex, LighterPublicKey publicKey) =>
        _exchange.RegisterApiKey(accountIndex, apiKeyIndex, publicKey);

    /// <summary>Registers a public key given as hex (80 hex digits, optional <c>0x</c>).</summary>
    /// <exception cref="Lighter.Signing.LighterSigningException">The text is not a valid public key.</exception>
    public void RegisterApiKey(long accountIndex, int apiKeyIndex, string publicKeyHex) =>
        RegisterApiKey(accountIndex, apiKeyIndex, LighterPublicKey.Parse(publicKeyHex));

    /// <summary>Adds USDC collateral to an account.</summary>
    public void Deposit(long accountIndex, decimal usdc) => _exchange.Deposit(accountIndex, usdc);

    /// <summary>The next nonce the sandbox expects from an (account, API key) pair.</summary>
    public long GetNextNonce(long accountIndex, int apiKeyIndex) => _exchange.NextNonce(accountIndex, apiKeyIndex);

    /// <summary>The transactions the sandbox executed for an account, in execution order (hash, type, API key, nonce).</summary>
    public IReadOnlyList<SandboxTransaction> GetTransactions(long accountIndex) =>
        _exchange.Read(() => _exchange.TxLog
            .Where(t => t.AccountIndex == accountIndex)
            .Select(t => new SandboxTransaction(t.Hash, t.Type, t.ApiKeyIndex, t.Nonce))
            .ToList());

    /// <summary>How many transactions the sandbox has executed in all.</summary>
    public int TransactionCount => _exchange.Read(() => _exchange.TxLog.Count);

    /// <summary>Stops the server and closes every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        Faults.DropWebSockets();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
