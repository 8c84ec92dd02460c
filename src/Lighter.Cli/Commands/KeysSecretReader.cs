using Lighter.Signing;

namespace Lighter.Cli.Commands;

/// <summary>
/// Reads an API private key from an environment variable or standard input, never from the command line (where
/// other users and shell history could see it), and never echoes it.
/// </summary>
internal static class KeysSecretReader
{
    /// <summary>The environment variable read by default.</summary>
    public const string DefaultVariable = "LIGHTER_PRIVATE_KEY";

    /// <summary>Reads the key from <paramref name="variable"/>, or from <paramref name="stdin"/> when it is null.</summary>
    public static LighterPrivateKey Read(string? variable, TextReader stdin)
    {
        string? hex;
        if (variable is not null)
        {
            hex = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrWhiteSpace(hex))
            {
                throw new LighterSigningException($"Environment variable {variable} is not set.", "privateKey");
            }
        }
        else
        {
            hex = stdin.ReadLine();
            if (string.IsNullOrWhiteSpace(hex))
            {
                throw new LighterSigningException("No private key on standard input.", "privateKey");
            }
        }

        return LighterPrivateKey.Parse(hex.Trim());
    }

    /// <summary>Runs <paramref name="action"/>, turning rejected input into exit code 1 with a message on stderr.</summary>
    public static int Guard(TextWriter error, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (LighterSigningException ex)
        {
            error.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }
}
