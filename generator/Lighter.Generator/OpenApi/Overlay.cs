using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Lighter.Generator.OpenApi;

/// <summary>
/// Our corrections to the upstream OpenAPI document (<c>spec/overlay.json</c>, explained in <c>spec/README.md</c>).
/// Every section is optional; an empty overlay generates straight from the spec.
/// </summary>
internal sealed class Overlay
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Free text for humans; ignored by the generator.</summary>
    public string? Comment { get; init; }

    /// <summary>Format corrections applied everywhere, e.g. <c>uin16 → uint16</c>.</summary>
    public Dictionary<string, string> Formats { get; init; } = [];

    /// <summary>Tag → interface stem, e.g. <c>tokenlist → TokenList</c> gives <c>ITokenListApi</c>.</summary>
    public Dictionary<string, string> Tags { get; init; } = [];

    /// <summary>Per-operation corrections keyed by operationId.</summary>
    public Dictionary<string, OperationOverlay> Operations { get; init; } = [];

    /// <summary>Which operations need an auth token, and under which parameter names.</summary>
    public AuthOverlay Auth { get; init; } = new();

    /// <summary>Schema → (wire property → C# property name), for names the generic rule cannot produce.</summary>
    public Dictionary<string, Dictionary<string, string>> PropertyNames { get; init; } = [];

    /// <summary>Which <c>type: string</c> properties carry decimal numbers.</summary>
    public DecimalStringRules DecimalStrings { get; init; } = new();

    /// <summary>Enum wire value → C# member name, for values that are not identifiers ("1m" → "OneMinute").</summary>
    public Dictionary<string, string> EnumMemberNames { get; init; } = [];

    /// <summary>
    /// <c>Schema.property</c> → C# name of its inline enum, where the generic name (schema + property) would repeat
    /// a name the handwritten libraries already use for another type.
    /// </summary>
    public Dictionary<string, string> EnumNames { get; init; } = [];

    /// <summary>Why <see cref="EnumNames"/> renames what it renames (documentation only).</summary>
    public string? EnumNamesWhy { get; init; }

    /// <summary>
    /// <c>Schema.property</c> → why: response properties the spec marks required but the live exchange is known to
    /// omit. They are generated optional (nullable, no <c>[JsonRequired]</c>), so their absence is not an error.
    /// </summary>
    public Dictionary<string, string> NotRequired { get; init; } = [];

    public static Overlay Load(string? path)
    {
        if (path is null)
        {
            return new Overlay();
        }

        try
        {
            return JsonSerializer.Deserialize<Overlay>(File.ReadAllText(path), Options) ?? new Overlay();
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: invalid overlay: {e.Message}", e);
        }
    }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, ParameterPatch>> ParameterPatches() =>
        Operations.Where(o => o.Value.Parameters.Count > 0).ToDictionary(
            o => o.Key,
            o => (IReadOnlyDictionary<string, ParameterPatch>)o.Value.Parameters);
}

/// <summary>Corrections for one operation.</summary>
internal sealed class OperationOverlay
{
    /// <summary>C# method stem (the generator appends <c>Async</c>).</summary>
    public string? Name { get; init; }

    /// <summary>Parameter name → correction.</summary>
    public Dictionary<string, ParameterPatch> Parameters { get; init; } = [];
}

/// <summary>The auth requirement of every operation that takes a token.</summary>
internal sealed class AuthOverlay
{
    /// <summary>Name of the header parameter that carries the token.</summary>
    public string Header { get; init; } = "authorization";

    /// <summary>Name of the query parameter that carries the token.</summary>
    public string Query { get; init; } = "auth";

    /// <summary>operationIds that fail without a token.</summary>
    public List<string> Required { get; init; } = [];

    /// <summary>operationIds that accept a token and return more (private) data with it.</summary>
    public List<string> Optional { get; init; } = [];
}

/// <summary>Rules that decide which string properties are exposed as <c>decimal</c>.</summary>
internal sealed class DecimalStringRules
{
    /// <summary>A string property whose example is a number is a decimal (unless excluded).</summary>
    public bool NumericExamples { get; init; } = true;

    /// <summary>A string property without a numeric example is a decimal when its wire name matches this.</summary>
    public string? NamePattern { get; init; }

    /// <summary>Wire names that are never decimals even with a numeric example (ids, timestamps, names).</summary>
    public string? ExcludePattern { get; init; }

    /// <summary><c>Schema.property</c> entries forced to decimal.</summary>
    public List<string> Include { get; init; } = [];

    /// <summary><c>Schema.property</c> entries forced to stay strings.</summary>
    public List<string> Exclude { get; init; } = [];

    public bool IsDecimal(string schema, string property, string? example)
    {
        var key = $"{schema}.{property}";
        if (Exclude.Contains(key))
        {
            return false;
        }

        if (Include.Contains(key))
        {
            return true;
        }

        if (ExcludePattern is not null && Regex.IsMatch(property, ExcludePattern, RegexOptions.CultureInvariant))
        {
            return false;
        }

        if (example is not null)
        {
            return NumericExamples && IsPlainNumber(example);
        }

        return NamePattern is not null && Regex.IsMatch(property, NamePattern, RegexOptions.CultureInvariant);
    }

    private static bool IsPlainNumber(string text) => Regex.IsMatch(text, @"^-?[0-9]+(\.[0-9]+)?$");
}
