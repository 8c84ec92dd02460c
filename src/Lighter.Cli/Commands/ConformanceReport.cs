namespace Lighter.Cli.Commands;

/// <summary>Prints one <c>PASS name</c> / <c>FAIL name: why</c> line per vector and counts them.</summary>
internal sealed class ConformanceReport(TextWriter output)
{
    public int Passed { get; private set; }

    public int Failed { get; private set; }

    /// <summary>
    /// Runs <paramref name="check"/>, which adds a reason for every mismatch; an exception is one more reason.
    /// Exception messages from the SDK never contain key material.
    /// </summary>
    public void Vector(string name, Action<List<string>> check)
    {
        var problems = new List<string>();
        try
        {
            check(problems);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            problems.Add($"{ex.GetType().Name}: {ex.Message}");
        }

        if (problems.Count == 0)
        {
            Passed++;
            output.WriteLine($"PASS {ConformanceFile.OneLine(name)}");
        }
        else
        {
            Failed++;
            output.WriteLine($"FAIL {ConformanceFile.OneLine(name)}: {ConformanceFile.OneLine(string.Join("; ", problems))}");
        }
    }
}
