namespace Lighter.Cli.Commands;

/// <summary>
/// Reads <c>LIGHTER_*</c> settings from a <c>.env</c> file in the working directory (DotNetEnv's syntax), so that a
/// key need not live in the shell's history. A variable already set always wins; other names in the file are left
/// alone; values are never printed.
/// </summary>
internal static class DotEnvFile
{
    public const string FileName = ".env";

    private const string Prefix = "LIGHTER_";

    /// <summary>Sets the file's <c>LIGHTER_*</c> variables that are not set yet.</summary>
    /// <param name="directory">Where to look for <c>.env</c>; a missing file is not an error.</param>
    /// <returns>The names set from the file (never values).</returns>
    /// <exception cref="FormatException">The file cannot be parsed; the message names the file.</exception>
    public static IReadOnlyList<string> Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return [];
        }

        IEnumerable<KeyValuePair<string, string>> pairs;
        try
        {
            // Parse only: whether a variable is set is decided below, name by name.
            pairs = DotNetEnv.Env.Load(path, new DotNetEnv.LoadOptions(setEnvVars: false, clobberExistingVars: false, onlyExactPath: true)).ToList();
        }
        catch (Exception e) when (e is not (OutOfMemoryException or IOException or UnauthorizedAccessException))
        {
            // The parser's message can quote the offending text, which may be a key: name the file only.
            throw new FormatException($"{path} is not a valid .env file (KEY=value lines; # starts a comment).", e);
        }

        var loaded = new List<string>();
        foreach (var (name, value) in pairs)
        {
            if (name.StartsWith(Prefix, StringComparison.Ordinal) && Environment.GetEnvironmentVariable(name) is null)
            {
                Environment.SetEnvironmentVariable(name, value);
                loaded.Add(name);
            }
        }

        return loaded;
    }
}
