namespace Lighter.Testing;

/// <summary>
/// The error codes the sandbox answers with. Codes and messages are the exchange's own, from the
/// "Data Structures, Constants and Errors" page of the Lighter API documentation (apidocs.lighter.xyz);
/// the few situations that page has no code for are marked "sandbox choice" and explained.
/// </summary>
public static class SandboxErrorCodes
{
    /// <summary>Success (<c>code</c> of every accepted response).</summary>
    public const int Ok = 200;

    /// <summary>21100 "account not found".</summary>
    public const int AccountNotFound = 21100;

    /// <summary>21102 "invalid account index".</summary>
    public const int InvalidAccountIndex = 21102;

    /// <summary>21104 "invalid nonce": the nonce is not the next one for the (account, API key) pair.</summary>
    public const int InvalidNonce = 21104;

    /// <summary>21105 "batch transaction nonce is not increasing".</summary>
    public const int NonIncreasingNonce = 21105;

    /// <summary>21109 "api key not found": no public key is registered at that API key index.</summary>
    public const int ApiKeyNotFound = 21109;

    /// <summary>21110 "invalid api key index".</summary>
    public const int InvalidApiKeyIndex = 21110;

    /// <summary>
    /// 21120 "invalid signature". A transaction signed for another chain id fails here too: the chain id is
    /// the first hashed element, so the exchange recomputes a different hash (lighter-go issue #19).
    /// </summary>
    public const int InvalidSignature = 21120;

    /// <summary>21121 "all transactions in the batch must have use same account and apikey".</summary>
    public const int BatchTxMultipleOwner = 21121;

    /// <summary>21129 "too many sub accounts".</summary>
    public const int TooManySubAccounts = 21129;

    /// <summary>21301 "not enough collateral".</summary>
    public const int NotEnoughCollateral = 21301;

    /// <summary>21500 "transaction not found".</summary>
    public const int TxNotFound = 21500;

    /// <summary>
    /// 21501 "invalid tx info": tx_info is not valid JSON, misses a field, or a value is out of range.
    /// Sandbox choice: an <c>ExpiredAt</c> in the past is reported with this code and the message
    /// "invalid tx info: transaction expired", because the published list has no code for it (the live
    /// exchange drops such a transaction in the sequencer instead).
    /// </summary>
    public const int InvalidTxInfo = 21501;

    /// <summary>21504 "fail to l1 signature": ChangePubKey's <c>L1Sig</c> is not the account owner's signature.</summary>
    public const int FailToL1Signature = 21504;

    /// <summary>21505 "unsupported tx type": the sandbox does not execute this transaction type.</summary>
    public const int UnsupportedTxType = 21505;

    /// <summary>21513 "TxInfos and TxTypes should have the same length".</summary>
    public const int TxInfoTxTypeLengthMismatch = 21513;

    /// <summary>21514 "maximum 50 transactions allowed per batch".</summary>
    public const int MaxBatchTx = 21514;

    /// <summary>21602 "invalid market index".</summary>
    public const int InvalidMarketIndex = 21602;

    /// <summary>21700 "invalid order index".</summary>
    public const int InvalidOrderIndex = 21700;

    /// <summary>21701 "invalid base amount".</summary>
    public const int InvalidBaseAmount = 21701;

    /// <summary>21702 "invalid price".</summary>
    public const int InvalidPrice = 21702;

    /// <summary>21703 "invalid isAsk".</summary>
    public const int InvalidIsAsk = 21703;

    /// <summary>21704 "invalid OrderType".</summary>
    public const int InvalidOrderType = 21704;

    /// <summary>21705 "invalid OrderTimeInForce".</summary>
    public const int InvalidOrderTimeInForce = 21705;

    /// <summary>21706 "invalid order base or quote amount": below the market's minimum base or quote amount.</summary>
    public const int InvalidOrderAmount = 21706;

    /// <summary>21711 "invalid expiry".</summary>
    public const int InvalidOrderExpiry = 21711;

    /// <summary>21713 "invalid cancel all time in force".</summary>
    public const int InvalidCancelAllTimeInForce = 21713;

    /// <summary>21714 "invalid cancel all time".</summary>
    public const int InvalidCancelAllTime = 21714;

    /// <summary>21600 "given order is not an active limit order" (cancel or modify of an unknown or finished order).</summary>
    public const int InactiveCancel = 21600;

    /// <summary>21727 "invalid client order index".</summary>
    public const int InvalidClientOrderIndex = 21727;

    /// <summary>21728 "client order index already exists".</summary>
    public const int ClientOrderIndexExists = 21728;

    /// <summary>21729 "invalid order trigger price".</summary>
    public const int InvalidOrderTriggerPrice = 21729;

    /// <summary>21739 "not enough margin to create the order".</summary>
    public const int NotEnoughOrderMargin = 21739;

    /// <summary>23000 "Too Many Requests!" (sent with HTTP 429 by the fault hooks).</summary>
    public const int TooManyRequests = 23000;

    /// <summary>29404 "not found".</summary>
    public const int NotFound = 29404;

    /// <summary>29500 "internal server error" (sent with HTTP 5xx by the fault hooks).</summary>
    public const int Internal = 29500;

    /// <summary>
    /// 20001 "invalid param": a REST query parameter is missing or malformed. Sandbox choice: the
    /// published list has no REST-parameter code, so the sandbox uses this value with the parameter's name.
    /// </summary>
    public const int InvalidParam = 20001;

    /// <summary>
    /// 20002 "invalid auth": the <c>authorization</c> header or WebSocket <c>auth</c> token is missing,
    /// malformed, expired, or not signed by the account's API key. Sandbox choice (no published code).
    /// </summary>
    public const int InvalidAuth = 20002;

    /// <summary>30000 "Invalid Json" (WebSocket).</summary>
    public const int WebsocketInvalidJson = 30000;

    /// <summary>30001 "Invalid Type" (WebSocket).</summary>
    public const int WebsocketInvalidType = 30001;

    /// <summary>30002 "Not Subscribed to " (WebSocket).</summary>
    public const int WebsocketNotSubscribed = 30002;

    /// <summary>30003 "Already Subscribed to " (WebSocket).</summary>
    public const int WebsocketAlreadySubscribed = 30003;

    /// <summary>30005 "Invalid Channel" (WebSocket).</summary>
    public const int WebsocketInvalidChannel = 30005;

    /// <summary>30012 "Failed to subscribe" (WebSocket; the sandbox adds the reason, e.g. a bad auth token).</summary>
    public const int WebsocketFailedToSubscribe = 30012;
}
