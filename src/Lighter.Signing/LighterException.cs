namespace Lighter.Signing;

/// <summary>
/// The root of every exception the Lighter SDK throws on purpose (signing, configuration, REST, submission,
/// streaming, sandbox): <c>catch (LighterException)</c> catches them all. Messages never contain keys, auth tokens or
/// signed payloads.
/// </summary>
public abstract class LighterException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    protected LighterException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    protected LighterException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    protected LighterException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Whether the same call may succeed if tried again later (a 429, a 5xx, a timeout, a lost connection). False
    /// for errors in the input or configuration, which fail the same way every time.
    /// </summary>
    public virtual bool IsTransient => false;
}
