using Lighter.Signing;

namespace Lighter.Testing;

/// <summary>
/// A rejection the sandbox reports to the caller as the exchange's <c>ResultCode {code, message}</c>
/// (HTTP 400 on REST, a <c>TxResponse</c> or <c>error</c> frame on the WebSocket).
/// </summary>
public sealed class ExchangeException : LighterException
{
    /// <summary>Creates a rejection with the exchange's code and message.</summary>
    public ExchangeException(int code, string message)
        : base(message) => Code = code;

    /// <summary>Creates a rejection with code 29500.</summary>
    public ExchangeException()
        : this(SandboxErrorCodes.Internal, "internal server error")
    {
    }

    /// <summary>Creates a rejection with code 29500 and the given message.</summary>
    public ExchangeException(string message)
        : this(SandboxErrorCodes.Internal, message)
    {
    }

    /// <summary>Creates a rejection with code 29500 wrapping an inner exception.</summary>
    public ExchangeException(string message, Exception innerException)
        : base(message, innerException) => Code = SandboxErrorCodes.Internal;

    /// <summary>The exchange's error code (e.g. 21120 "invalid signature").</summary>
    public int Code { get; }

    internal static ExchangeException InvalidTxInfo(string detail) =>
        new(SandboxErrorCodes.InvalidTxInfo, "invalid tx info: " + detail);

    internal static ExchangeException InvalidParam(string name) =>
        new(SandboxErrorCodes.InvalidParam, "invalid param: " + name);
}
