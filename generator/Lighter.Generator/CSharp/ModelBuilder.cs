using Lighter.Generator.OpenApi;

namespace Lighter.Generator.CSharp;

/// <summary>
/// Builds the model classes. Wire names stay exact in <c>[JsonPropertyName]</c>; C# names are PascalCase, with
/// overlay names for case-only clashes (Candle's c/C); a property that would be named like its class (CS0542) is
/// called <c>Items</c> (lists: <c>Orders.Items</c>) or <c>Value</c> (<c>TxHash.Value</c>).
/// </summary>
internal sealed class ModelBuilder(ApiDocument document, Overlay overlay, TypeMapper types, List<string> warnings)
{
    public const string ExtensionDataName = "AdditionalProperties";
    private const string DecimalConverter = "global::Lighter.Client.Serialization.DecimalStringConverter";
    private const string NullableDecimalConverter = "global::Lighter.Client.Serialization.NullableDecimalStringConverter";
    private const string DecimalListConverter = "global::Lighter.Client.Serialization.DecimalStringListConverter";
    private const string DecimalMapConverter = "global::Lighter.Client.Serialization.DecimalStringMapConverter";

    public List<CsClass> Build()
    {
        var requestOnly = RequestOnlySchemas();
        var formBodies = document.Operations
            .Where(o => o.Body is { Type.Kind: ApiKind.Ref } b && !b.ContentTypes.Contains("application/json"))
            .Select(o => o.Body!.Type.RefName!)
            .ToHashSet();
        return document.Schemas
            .Select(s => BuildClass(s, requestOnly.Contains(s.Name), formBodies.Contains(s.Name)))
            .ToList();
    }

    private CsClass BuildClass(ApiSchema schema, bool isRequestOnly, bool isFormBody)
    {
        var className = TypeMapper.ClassName(schema.Name);
        var taken = new HashSet<string>(StringComparer.Ordinal) { className, ExtensionDataName };
        var names = overlay.PropertyNames.GetValueOrDefault(schema.Name);
        var properties = new List<CsProperty>();
        foreach (var prop in schema.Properties)
        {
            var wanted = names?.GetValueOrDefault(prop.Name) ?? Naming.Pascal(prop.Name);
            if (wanted == className)
            {
                // CS0542: a member cannot be named like its class (Orders.orders, TxHash.tx_hash).
                wanted = prop.Type.Kind == ApiKind.Array ? "Items" : "Value";
            }

            var name = Naming.Unique(wanted, taken);
            if (name != wanted)
            {
                warnings.Add($"{schema.Name}.{prop.Name}: C# name '{wanted}' is taken (case-only clash?), using " +
                             $"'{name}'; give it a name in overlay 'propertyNames'");
            }

            properties.Add(BuildProperty(schema, prop, className, name, isRequestOnly));
        }

        return new CsClass(className, schema, properties, isRequestOnly, isFormBody);
    }

    private CsProperty BuildProperty(ApiSchema schema, ApiProperty prop, string className, string name, bool isRequestOnly)
    {
        var location = $"{schema.Name}.{prop.Name}";
        if (prop.Required && overlay.NotRequired.ContainsKey(location))
        {
            prop = prop with { Required = false };
        }

        var (type, converter) = DecimalType(schema, prop) ?? (types.Map(prop.Type, className + name, location), null);
        var isValue = TypeMapper.IsValueType(type) || types.IsEnum(type);
        string? initializer = null;
        if (!prop.Required)
        {
            type += "?";
        }
        else if (!isValue && !isRequestOnly)
        {
            initializer = type switch
            {
                "string" => "string.Empty",
                _ when type.StartsWith("global::System.Collections.Generic.IReadOnlyList<", StringComparison.Ordinal) => "[]",
                _ when type.StartsWith("global::System.Collections.Generic.IReadOnlyDictionary<", StringComparison.Ordinal) =>
                    "global::System.Collections.ObjectModel.ReadOnlyDictionary<string, "
                    + type["global::System.Collections.Generic.IReadOnlyDictionary<string, ".Length..^1] + ">.Empty",
                _ => "new()",
            };
        }

        var doc = Naming.XmlDoc(prop.Description);
        if (prop.Default is not null)
        {
            doc = $"{doc} Server default: <c>{Naming.XmlDoc(prop.Default)}</c>.".Trim();
        }

        return new CsProperty(name, prop.Name, type, prop.Required, initializer, converter, doc);
    }

    /// <summary>The decimal type and converter when the property (or the elements of a list/map) are decimal strings.</summary>
    private (string Type, string? Converter)? DecimalType(ApiSchema schema, ApiProperty prop)
    {
        static bool IsPlainString(ApiType? t) => t is { Kind: ApiKind.String, Enum: null, Format: null };
        var element = prop.Type.Kind is ApiKind.Array or ApiKind.Map ? prop.Type.Items : prop.Type;
        if (!IsPlainString(element) || !overlay.DecimalStrings.IsDecimal(schema.Name, prop.Name, element!.Example))
        {
            return null;
        }

        return prop.Type.Kind switch
        {
            ApiKind.Array => ("global::System.Collections.Generic.IReadOnlyList<decimal>", DecimalListConverter),
            ApiKind.Map => ("global::System.Collections.Generic.IReadOnlyDictionary<string, decimal>", DecimalMapConverter),
            _ => ("decimal", prop.Required ? DecimalConverter : NullableDecimalConverter),
        };
    }

    /// <summary>Schemas reachable from request bodies but not from any response.</summary>
    private HashSet<string> RequestOnlySchemas()
    {
        var fromRequests = Reachable(document.Operations.Select(o => o.Body?.Type));
        var fromResponses = Reachable(document.Operations.Select(o => o.Response));
        fromRequests.ExceptWith(fromResponses);
        return fromRequests;
    }

    private HashSet<string> Reachable(IEnumerable<ApiType?> roots)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<ApiType>(roots.OfType<ApiType>());
        while (stack.TryPop(out var type))
        {
            if (type.Items is not null)
            {
                stack.Push(type.Items);
            }

            if (type.RefName is not null && seen.Add(type.RefName) && document.FindSchema(type.RefName) is { } s)
            {
                foreach (var p in s.Properties)
                {
                    stack.Push(p.Type);
                }
            }
        }

        return seen;
    }
}
