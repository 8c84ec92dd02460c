using Lighter.Client.Markets;
using Lighter.Client.Tracking;
using Lighter.Client.Streaming;
using Lighter.Client.Submission;
using Lighter.Client.Trading;
using Lighter.Signing;
using Lighter.Signing.L1;
using Lighter.Signing.Transactions;

namespace Lighter.Client;

/// <summary>
/// Everything <see cref="LighterClient"/> offers, as an interface so that code using the SDK can be tested with a
/// fake or a mock and no network. The generated REST groups (<c>Account</c>, <c>Order</c>, ...) are part of it.
/// </summary>
public partial interface ILighterClient : IDisposable, IAsyncDisposable
{
    /// <summary>Market metadata (decimals, minimums) used to scale decimal prices and sizes; cached and refreshable.</summary>
    MarketCatalog Markets { get; }

    /// <summary>The options the client was built with: a read-only copy (<see cref="LighterClientOptions.IsReadOnly"/>).</summary>
    LighterClientOptions Options { get; }

    /// <summary>The deployment (URLs and chain id) every request and signature targets.</summary>
    LighterEnvironment Environment { get; }

    /// <summary>The clock (expiries, auth tokens, metadata freshness).</summary>
    TimeProvider TimeProvider { get; }

    /// <summary>The signer (null for a read-only client).</summary>
    ILighterTransactionSigner? Signer { get; }

    /// <summary>
    /// The WebSocket client built from the same options: the environment's stream URL, auth tokens from the same
    /// signer for the account channels, the same clock and logging. Created on first use, closed with this client.
    /// </summary>
    LighterWebSocketClient Streams { get; }

    /// <summary>
    /// The configured account's orders, kept in sync from the account's order stream and reconciled from REST (call
    /// <see cref="OrderTracker.StartAsync"/>). Created on first use, stopped with the client.
    /// </summary>
    /// <exception cref="LighterConfigurationException">No <see cref="LighterClientOptions.AccountIndex"/> is configured.</exception>
    OrderTracker Orders { get; }

    /// <summary>The configured account's balances, positions and open orders (call <see cref="AccountTracker.StartAsync"/>).</summary>
    /// <exception cref="LighterConfigurationException">No <see cref="LighterClientOptions.AccountIndex"/> is configured.</exception>
    AccountTracker AccountState { get; }

    /// <summary>
    /// Waits until the exchange has executed or rejected a submitted transaction: from <see cref="Orders"/> when it is
    /// running, otherwise by looking the transaction up by hash (<c>GET tx</c>) until it is found. Only
    /// <paramref name="cancellationToken"/> bounds the wait: when neither answers it waits until cancelled, then throws
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <param name="submission">What a submit method returned.</param>
    /// <param name="cancellationToken">Bounds the wait (give it a timeout).</param>
    /// <returns>Executed (with the order index, for an order) or rejected (with the exchange's reason, e.g. <c>canceled-post-only</c>).</returns>
    Task<ExecutionResult> WaitForExecutionAsync(TxSubmission submission, CancellationToken cancellationToken = default);

    /// <summary>Leases a nonce, signs with it (<paramref name="sign"/>) and submits through <c>sendTx</c>.</summary>
    Task<TxSubmission> SubmitAsync(Func<long, WireTransaction> sign, CancellationToken cancellationToken = default);

    /// <summary>Signs any transaction type with the next nonce and submits it through <c>sendTx</c>.</summary>
    Task<TxSubmission> SubmitAsync(LighterTransaction transaction, long? expiredAt = null, CancellationToken cancellationToken = default);

    /// <summary>Signs a transaction that also needs the account's Ethereum (L1) signature, and submits it.</summary>
    Task<TxSubmission> SubmitAsync(LighterTransaction transaction, L1Signer l1Signer, long? expiredAt = null, CancellationToken cancellationToken = default);

    /// <summary>Signs and submits several transactions through <c>sendTxBatch</c> (consecutive nonces).</summary>
    Task<IReadOnlyList<TxSubmission>> SubmitBatchAsync(IReadOnlyList<LighterTransaction> transactions, long? expiredAt = null, CancellationToken cancellationToken = default);

    /// <summary>Signs with the next nonce without sending, for a caller who relays the transaction.</summary>
    Task<WireTransaction> SignAsync(LighterTransaction transaction, long? expiredAt = null, CancellationToken cancellationToken = default);

    /// <summary>Places a limit order (prices and sizes in market units).</summary>
    Task<TxSubmission> CreateLimitOrderAsync(short marketId, OrderSide side, decimal size, decimal price, OrderTimeInForce timeInForce = OrderTimeInForce.GoodTillTime, bool reduceOnly = false, DateTimeOffset? expiry = null, long clientOrderIndex = 0, CancellationToken cancellationToken = default);

    /// <summary>Places a market order that fills at prices no worse than <paramref name="worstPrice"/>.</summary>
    Task<TxSubmission> CreateMarketOrderAsync(short marketId, OrderSide side, decimal size, decimal worstPrice, bool reduceOnly = false, long clientOrderIndex = 0, CancellationToken cancellationToken = default);

    /// <summary>Places a stop-loss order (market, or limit with <paramref name="asLimit"/>).</summary>
    Task<TxSubmission> CreateStopLossOrderAsync(short marketId, OrderSide side, decimal size, decimal triggerPrice, decimal price, bool asLimit = false, bool reduceOnly = true, DateTimeOffset? expiry = null, long clientOrderIndex = 0, CancellationToken cancellationToken = default);

    /// <summary>Places a take-profit order (market, or limit with <paramref name="asLimit"/>).</summary>
    Task<TxSubmission> CreateTakeProfitOrderAsync(short marketId, OrderSide side, decimal size, decimal triggerPrice, decimal price, bool asLimit = false, bool reduceOnly = true, DateTimeOffset? expiry = null, long clientOrderIndex = 0, CancellationToken cancellationToken = default);

    /// <summary>Places a TWAP order that trades <paramref name="size"/> until <paramref name="expiry"/>.</summary>
    Task<TxSubmission> CreateTwapOrderAsync(short marketId, OrderSide side, decimal size, decimal price, DateTimeOffset expiry, bool reduceOnly = false, long clientOrderIndex = 0, CancellationToken cancellationToken = default);

    /// <summary>Cancels one order by its order index (or client order index).</summary>
    Task<TxSubmission> CancelOrderAsync(short marketId, long orderIndex, CancellationToken cancellationToken = default);

    /// <summary>Cancels every open order of the account, now or at a time.</summary>
    Task<TxSubmission> CancelAllOrdersAsync(CancelAllTimeInForce mode = CancelAllTimeInForce.Immediate, DateTimeOffset? at = null, CancellationToken cancellationToken = default);

    /// <summary>Changes the size, price and trigger of an open order.</summary>
    Task<TxSubmission> ModifyOrderAsync(short marketId, long orderIndex, decimal size, decimal price, decimal? triggerPrice = null, CancellationToken cancellationToken = default);

    /// <summary>Places OTO / OCO / OTOCO order groups.</summary>
    Task<TxSubmission> CreateGroupedOrdersAsync(GroupingType grouping, IReadOnlyList<OrderInfo> orders, CancellationToken cancellationToken = default);

    /// <summary>Builds one order leg with scaled decimals.</summary>
    Task<OrderInfo> BuildOrderAsync(short marketId, OrderSide side, decimal size, decimal price, OrderType type, OrderTimeInForce timeInForce, bool reduceOnly = false, decimal? triggerPrice = null, long orderExpiry = 0, long clientOrderIndex = 0, CancellationToken cancellationToken = default);

    /// <summary>Sets a market's leverage.</summary>
    Task<TxSubmission> UpdateLeverageAsync(short marketId, decimal leverage, MarginMode marginMode = MarginMode.Cross, CancellationToken cancellationToken = default);

    /// <summary>Adds or removes isolated margin, in USDC.</summary>
    Task<TxSubmission> UpdateMarginAsync(short marketId, decimal usdc, MarginDirection direction, CancellationToken cancellationToken = default);

    /// <summary>Transfers an asset to another account (amount in the asset's integer units, as the transaction carries it).</summary>
    Task<TxSubmission> TransferAsync(Transfer transfer, CancellationToken cancellationToken = default);

    /// <summary>Transfers with the account's Ethereum (L1) signature.</summary>
    Task<TxSubmission> TransferAsync(Transfer transfer, L1Signer l1Signer, CancellationToken cancellationToken = default);

    /// <summary>Withdraws an amount of an asset, in the asset's units (scaled with the asset's decimals), to the account's L1 address.</summary>
    Task<TxSubmission> WithdrawAsync(short assetIndex, decimal amount, RouteType routeType = RouteType.Perps, CancellationToken cancellationToken = default);

    /// <summary>Approves an integrator, with the account's Ethereum (L1) signature.</summary>
    Task<TxSubmission> ApproveIntegratorAsync(ApproveIntegrator approval, L1Signer l1Signer, CancellationToken cancellationToken = default);

    /// <summary>Registers a new API key (ChangePubKey), signed by the new key and the account's Ethereum key.</summary>
    Task<TxSubmission> ChangeApiKeyAsync(LighterPrivateKey newKey, byte? apiKeyIndex, L1Signer l1Signer, long? expiredAt = null, CancellationToken cancellationToken = default);
}
