using Lighter.Generator.OpenApi;

namespace Lighter.Generator.CSharp;

/// <summary>
/// Maps wire types to C# types. Integers follow their format exactly; unknown formats fall back to
/// <c>long</c> with a warning. Inline string enums become C# enums named after their owner.
/// </summary>
internal sealed class TypeMapper(Overlay overlay, ISet<string> takenTypeNames, List<string> warnings)
{
    private readonly List<CsEnum> _enums = [];

    public IReadOnlyList<CsEnum> Enums => _enums;

    /// <summary>
    /// Model types are always written fully qualified: the handwritten code has namespaces such as
    /// <c>Lighter.Client.OrderBooks</c> that would otherwise shadow the model <c>OrderBooks</c>.
    /// </summary>
    public const string ModelsPrefix = "global::Lighter.Client.Models.";

    public static string ClassName(string schemaName) => Naming.Pascal(schemaName);

    /// <summary>The C# type without nullability; <paramref name="enumName"/> names an inline enum if there is one.</summary>
    public string Map(ApiType type, string enumName, string location, bool forParameter = false) => type.Kind switch
    {
        ApiKind.Ref => ModelsPrefix + ClassName(type.RefName!),
        ApiKind.String when type.Enum is not null => ModelsPrefix + DefineEnum(enumName, type.Enum, location),
        ApiKind.String when type.Format == "date-time" => "global::System.DateTimeOffset",
        ApiKind.String => "string",
        ApiKind.Integer => Integer(type.Format, location),
        ApiKind.Number => type.Format switch
        {
            "float" => "float",
            "decimal" => "decimal",
            _ => "double",
        },
        ApiKind.Boolean => "bool",
        ApiKind.Array => (forParameter ? "global::System.Collections.Generic.IEnumerable<" : "global::System.Collections.Generic.IReadOnlyList<")
                         + Map(type.Items!, enumName, location, forParameter) + ">",
        ApiKind.Map => "global::System.Collections.Generic.IReadOnlyDictionary<string, "
                       + Map(type.Items!, enumName, location, forParameter) + ">",
        _ => "global::System.Text.Json.JsonElement",
    };

    public static bool IsValueType(string csType) => csType is "sbyte" or "byte" or "short" or "ushort" or "int"
        or "uint" or "long" or "ulong" or "float" or "double" or "decimal" or "bool"
        or "global::System.DateTimeOffset" or "global::System.Text.Json.JsonElement";

    public bool IsEnum(string csType) => _enums.Any(e => ModelsPrefix + e.Name == csType);

    private string Integer(string? format, string location)
    {
        switch (format)
        {
            case "int8": return "sbyte";
            case "uint8": return "byte";
            case "int16": return "short";
            case "uint16": return "ushort";
            case "int32": return "int";
            case "uint32": return "uint";
            case null or "int64": return "long";
            case "uint64": return "ulong";
            default:
                warnings.Add($"{location}: unknown integer format '{format}', using long (add it to overlay 'formats')");
                return "long";
        }
    }

    private string DefineEnum(string name, IReadOnlyList<string> values, string location)
    {
        var typeName = Naming.Unique(overlay.EnumNames.GetValueOrDefault(location) ?? name, takenTypeNames);
        var memberNames = new HashSet<string>(StringComparer.Ordinal) { "Unrecognized" };
        var members = values.Distinct(StringComparer.Ordinal)
            .Select(v => new CsEnumMember(
                Naming.Unique(overlay.EnumMemberNames.GetValueOrDefault(v) ?? Naming.Pascal(v), memberNames), v))
            .ToList();
        _enums.Add(new CsEnum(typeName, members, location));
        return typeName;
    }
}
