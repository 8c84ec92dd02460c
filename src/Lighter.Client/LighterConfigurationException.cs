using Lighter.Signing;

namespace Lighter.Client;

/// <summary>The client options are invalid; <see cref="Exception.Message"/> lists every problem (never a secret).</summary>
public sealed class LighterConfigurationException : LighterException
{
    /// <summary>Creates the exception from the list of problems.</summary>
    public LighterConfigurationException(IReadOnlyList<string> errors)
        : base("Invalid Lighter client options: " + string.Join(" ", errors ?? []))
    {
        Errors = errors ?? [];
    }

    /// <summary>Creates the exception with a message.</summary>
    public LighterConfigurationException(string message)
        : base(message)
    {
        Errors = [message];
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public LighterConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    /// <summary>Creates an exception with no details.</summary>
    public LighterConfigurationException()
        : this("Invalid Lighter client options.")
    {
    }

    /// <summary>Each problem found, one sentence each.</summary>
    public IReadOnlyList<string> Errors { get; }
}
