namespace Lighter.Testing;

/// <summary>How a <see cref="LighterSandbox"/> starts.</summary>
public sealed class LighterSandboxOptions
{
    /// <summary>
    /// The chain id transactions must be signed for. Defaults to <see cref="LighterSandbox.DefaultChainId"/>,
    /// deliberately neither mainnet (304) nor testnet (300), so nothing signed for the sandbox is valid elsewhere.
    /// </summary>
    public uint ChainId { get; set; } = LighterSandbox.DefaultChainId;

    /// <summary>The loopback port to listen on; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The markets to list (default: ETH as market 0 and BTC as market 1).</summary>
    public IReadOnlyList<SandboxMarket> Markets { get; set; } = SandboxMarket.Defaults;

    /// <summary>
    /// Drop a WebSocket connection that sends no frame for this long (the exchange drops silent connections after
    /// about 2 minutes). Null, the default, never drops. Measured on <see cref="TimeProvider"/>; WebSocket-level
    /// ping frames are answered by the server but do not count as traffic here, JSON <c>ping</c> frames do.
    /// </summary>
    public TimeSpan? WebSocketIdleTimeout { get; set; }

    /// <summary>
    /// How far ahead of an API key's next nonce a transaction may be and still be accepted, as the exchange does
    /// for transactions that arrive out of order (a window of 16: up to 15 ahead; see peers.md, Nautilus's skip window).
    /// 1 makes the sandbox strict: only the next nonce is accepted. Concurrent senders on one key need the window,
    /// because their requests do not reach the server in nonce order.
    /// </summary>
    public int NonceWindow { get; set; } = DefaultNonceWindow;

    /// <summary>The exchange's out-of-order window: a nonce may be up to 15 ahead of the next one.</summary>
    public const int DefaultNonceWindow = 16;

    /// <summary>
    /// The clock for transaction expiry, order expiry, auth-token deadlines, timestamps and injected delays
    /// (use <c>FakeTimeProvider</c> in tests).
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
