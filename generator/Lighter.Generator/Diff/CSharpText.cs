using Lighter.Generator.CSharp;

namespace Lighter.Generator.Diff;

/// <summary>Short, readable C# text for the report: types without <c>global::</c> namespaces, method signatures.</summary>
internal static class CSharpText
{
    private static readonly string[] Namespaces =
    [
        TypeMapper.ModelsPrefix,
        "global::System.Collections.Generic.",
        "global::System.Collections.ObjectModel.",
        "global::System.Text.Json.",
        "global::System.Threading.Tasks.",
        "global::System.",
    ];

    /// <summary><c>global::System.Collections.Generic.IReadOnlyList&lt;global::Lighter.Client.Models.Order&gt;</c> → <c>IReadOnlyList&lt;Order&gt;</c>.</summary>
    public static string Type(string csType)
    {
        var text = csType;
        foreach (var ns in Namespaces)
        {
            text = text.Replace(ns, string.Empty, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>The type without the nullable mark an optional member gets.</summary>
    public static string NonNullable(string csType) => csType.EndsWith('?') ? csType[..^1] : csType;

    /// <summary><c>Task&lt;Candles&gt; CandlesAsync(long marketId, string resolution, ...)</c> (the cancellation token left out).</summary>
    public static string Signature(CsMethod method)
    {
        var result = method.ReturnType is null ? "Task" : $"Task<{Type(method.ReturnType)}>";
        var parameters = method.Parameters.Select(p => $"{Type(p.Type)} {p.Name}{(p.Optional ? " = null" : string.Empty)}");
        return $"{result} {method.Name}({string.Join(", ", parameters)})";
    }

    /// <summary>Documentation text on one line (whitespace runs folded), or null.</summary>
    public static string? Fold(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
