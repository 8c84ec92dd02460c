using System.Text.RegularExpressions;

namespace Lighter.Cli.Tests;

/// <summary>README.md read at test time: its fenced code blocks (with their section) and the inline code spans of its prose and tables.</summary>
internal static partial class Readme
{
    /// <summary>A fenced block: the <c>##</c> section it is in, its language tag, its text and the line of its first content line.</summary>
    public sealed record Block(string Section, string Language, string Text, int Line);

    /// <summary>An inline code span outside fenced blocks (table cells unescaped: <c>\|</c> is <c>|</c>).</summary>
    public sealed record Span(string Text, int Line);

    private static readonly Lazy<string[]> Lines = new(() => File.ReadAllLines(Path.Combine(SharedVectors.RepositoryRoot, "README.md")));

    public static IReadOnlyList<Block> Blocks()
    {
        var blocks = new List<Block>();
        var section = "";
        var lines = Lines.Value;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("## ", StringComparison.Ordinal)) section = lines[i][3..].Trim();
            if (!lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal)) continue;

            var language = lines[i].Trim()[3..].Trim();
            var start = i + 1;
            var end = start;
            while (end < lines.Length && !lines[end].TrimStart().StartsWith("```", StringComparison.Ordinal)) end++;
            blocks.Add(new Block(section, language, string.Join('\n', lines[start..end]), start + 1));
            i = end;
        }

        return blocks;
    }

    public static IReadOnlyList<Span> Spans()
    {
        var spans = new List<Span>();
        var lines = Lines.Value;
        var fenced = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal)) fenced = !fenced;
            if (fenced) continue;
            spans.AddRange(CodeSpan().Matches(lines[i]).Select(m => new Span(m.Groups[1].Value.Replace("\\|", "|", StringComparison.Ordinal), i + 1)));
        }

        return spans;
    }

    /// <summary>
    /// The <c>lighter</c> command of one shell line, as arguments, or null when the line is not one: comments and a
    /// trailing <c>&amp;</c> are dropped; <c>dotnet run --project src/Lighter.Cli -- ARGS</c> is <c>lighter ARGS</c>.
    /// </summary>
    public static string[]? CliArguments(string shellLine)
    {
        var line = shellLine.Trim();
        if (Comment().Match(line) is { Success: true } comment) line = line[..comment.Index].TrimEnd();
        line = line.TrimEnd('&').TrimEnd();
        const string Run = "dotnet run --project src/Lighter.Cli --";
        var rest = line.StartsWith("lighter ", StringComparison.Ordinal) ? line["lighter ".Length..]
            : line.StartsWith(Run + " ", StringComparison.Ordinal) ? line[(Run.Length + 1)..]
            : null;
        return rest is null ? null : Tokens().Matches(rest).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Value).ToArray();
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"(^|\s)#")]
    private static partial Regex Comment();

    [GeneratedRegex("""'([^']*)'|"([^"]*)"|\S+""")]
    private static partial Regex Tokens();
}
