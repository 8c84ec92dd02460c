namespace Lighter.Signing;

/// <summary>
/// Raised when signing input is invalid (a malformed key, an out-of-range transaction field, a bad signature
/// encoding). The message names the offending field but never contains key material.
/// </summary>
public sealed class LighterSigningException : LighterException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong, without echoing secret values.</param>
    /// <param name="field">The name of the offending input field or parameter, if any.</param>
    /// <param name="inner">The underlying cause, if any.</param>
    public LighterSigningException(string message, string? field = null, Exception? inner = null)
        : base(message, inner)
    {
        Field = field;
    }

    /// <summary>The name of the offending input field or parameter, or <see langword="null"/>.</summary>
    public string? Field { get; }
}
