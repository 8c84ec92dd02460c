namespace Lighter.Client.Streaming;

/// <summary>
/// The <see cref="LighterWebSocketClient"/> gave up: <see cref="LighterWebSocketOptions.MaxReconnectAttempts"/>
/// reconnect attempts in a row failed. Every stream of the client ends with this exception and the client accepts
/// no more work; a supervisor can dispose it and create a new one.
/// </summary>
public sealed class LighterConnectionException : IOException
{
    /// <summary>Creates the exception.</summary>
    public LighterConnectionException()
    {
    }

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
