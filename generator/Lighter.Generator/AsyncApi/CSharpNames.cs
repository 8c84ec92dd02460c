using System.Globalization;
using System.Text;
using Lighter.Generator.CSharp;

namespace Lighter.Generator.AsyncApi;

/// <summary>Identifier and documentation helpers for the emitted C#.</summary>
internal static class CSharpNames
{
    /// <summary><c>order_book</c> → <c>OrderBook</c> (the REST generator's rule, so both halves name alike).</summary>
    public static string Pascal(string name) => Naming.Pascal(name);

    /// <summary><c>market_id</c> → <c>marketId</c>; keywords get an <c>@</c>.</summary>
    public static string Camel(string name) => Naming.Camel(name);

    /// <summary>Spec text made safe for an XML doc comment, on one line, with <c>`code`</c> spans as &lt;c&gt;.</summary>
    public static string Xml(string? text)
    {
        var escaped = (text ?? "").Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Trim();
        var parts = escaped.Split('`');
        if (parts.Length % 2 == 0)
        {
            return escaped; // Unbalanced backticks: leave them as they are.
        }

        var builder = new StringBuilder(parts[0]);
        for (var i = 1; i < parts.Length; i += 2)
        {
            builder.Append("<c>").Append(parts[i]).Append("</c>").Append(parts[i + 1]);
        }

        return builder.ToString();
    }

    /// <summary>A C# string literal.</summary>
    public static string Literal(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
