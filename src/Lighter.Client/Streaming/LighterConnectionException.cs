using Lighter.Signing;

namespace Lighter.Client.Streaming;

/// <summary>
/// The WebSocket connection failed the caller: the <see cref="LighterWebSocketClient"/> gave up after
/// <see cref="LighterWebSocketOptions.MaxReconnectAttempts"/> failed reconnects (every stream ends with this exception
/// and the client accepts no more work; a supervisor can dispose it and create a new one), or a transaction sent over
/// the socket got no readable answer (lost connection, timeout, unreadable reply: its fate is unknown, look it up by
/// hash before sending it again).
/// </summary>
public sealed class LighterConnectionException : LighterException
{
    /// <summary>Creates the exception.</summary>
    public LighterConnectionException()
    {
    }

    /// <summary>True: a later attempt (or a new client) may succeed once the server or network is back.</summary>
    public override bool IsTransient => true;

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public LighterConnectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the last connection failure.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The failure of the last attempt, when there was one.</param>
    public LighterConnectionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
