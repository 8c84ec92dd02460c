using Microsoft.Extensions.Logging;

namespace Lighter.Client.Logging;

/// <summary>Source-generated log events of the client (EventIds 8000-8099). Payloads, keys and tokens are never logged.</summary>
internal static partial class LighterLog
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Warning, Message = "Lighter {Operation} failed: HTTP {Status}, code {Code}, transient {Transient}")]
    public static partial void RequestFailed(ILogger logger, string operation, int status, int code, bool transient);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Warning, Message = "Lighter {Operation} transport fault: {ExceptionType}")]
    public static partial void TransportFault(ILogger logger, string operation, string exceptionType);

    [LoggerMessage(EventId = 8010, Level = LogLevel.Information, Message = "Nonce sequence for account {Account} key {ApiKey} resynchronised after an invalid-nonce answer")]
    public static partial void NonceResync(ILogger logger, long account, int apiKey);

    [LoggerMessage(EventId = 8011, Level = LogLevel.Warning, Message = "Submission of tx type {TxType} (nonce {Nonce}) had no clear answer; resolved as {Outcome}")]
    public static partial void AmbiguousSubmission(ILogger logger, int txType, long nonce, string outcome);

    [LoggerMessage(EventId = 8012, Message = "Nonce gap for account {Account} key {ApiKey}: the exchange waits for nonce {ServerNext} below the client's {ClientNext}; repaired {Repaired}")]
    public static partial void NonceGap(ILogger logger, LogLevel level, long account, int apiKey, long serverNext, long clientNext, bool repaired);

    [LoggerMessage(EventId = 8014, Level = LogLevel.Error, Message = "A NonceManager.GapDetected handler threw {ExceptionType}; ignored")]
    public static partial void GapHandlerFailed(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 8013, Level = LogLevel.Warning, Message = "Submission of tx type {TxType} (nonce {Nonce}) failed after {Attempts} attempts; nonce {Disposition}")]
    public static partial void SubmissionFailed(ILogger logger, int txType, long nonce, int attempts, string disposition);

    [LoggerMessage(EventId = 8020, Level = LogLevel.Debug, Message = "Auth token for account {Account} key {ApiKey} renewed, valid until {Deadline}")]
    public static partial void AuthTokenRenewed(ILogger logger, long account, int apiKey, DateTimeOffset deadline);

    [LoggerMessage(EventId = 8030, Level = LogLevel.Debug, Message = "Market metadata refreshed: {Count} markets")]
    public static partial void MarketsRefreshed(ILogger logger, int count);
}
