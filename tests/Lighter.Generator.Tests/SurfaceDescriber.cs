using System.Reflection;
using System.Text;
using System.Text.Json.Serialization;
using Lighter.Client.Api;
using Refit;

namespace Lighter.Generator.Tests;

/// <summary>Describes the compiled REST surface of Lighter.Client as stable text, read by reflection.</summary>
internal static class SurfaceDescriber
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static Assembly ClientAssembly => typeof(LighterOperations).Assembly;

    public static IEnumerable<Type> ApiInterfaces() => ClientAssembly.GetExportedTypes()
        .Where(t => t.IsInterface && t.Namespace == "Lighter.Client.Api")
        .OrderBy(t => t.Name, StringComparer.Ordinal);

    public static IEnumerable<Type> ModelTypes() => ClientAssembly.GetExportedTypes()
        .Where(t => t.Namespace == "Lighter.Client.Models" && (t.IsEnum || t.GetCustomAttribute<JsonNumberHandlingAttribute>() is not null
                                                               || t.GetProperties().Any(p => p.GetCustomAttribute<JsonPropertyNameAttribute>() is not null)))
        .OrderBy(t => t.Name, StringComparer.Ordinal);

    public static string Api()
    {
        var lines = new List<(string Key, string Text)>();
        foreach (var api in ApiInterfaces())
        {
            foreach (var method in api.GetMethods())
            {
                var op = LighterOperations.Find(api, method.Name);
                var http = method.GetCustomAttribute<HttpMethodAttribute>()!;
                var sb = new StringBuilder();
                sb.Append($"{op?.OperationId ?? "(not in catalog)"} -> {api.Name}.{method.Name}: {http.Method.Method} {http.Path}");
                if (method.GetCustomAttribute<MultipartAttribute>() is not null)
                {
                    sb.Append(" [multipart]");
                }

                sb.Append($" auth={op?.Auth}/{op?.AuthLocation}/{op?.AuthParameterName ?? "-"} body={op?.RequestContentType ?? "-"}\n");
                foreach (var p in method.GetParameters())
                {
                    var optional = !p.HasDefaultValue ? string.Empty
                        : p.DefaultValue is null && p.ParameterType.IsValueType && Nullable.GetUnderlyingType(p.ParameterType) is null
                            ? " = default"
                            : $" = {p.DefaultValue ?? "null"}";
                    sb.Append($"    {Binding(p)}: {TypeName(p)} {p.Name}{optional}\n");
                }

                sb.Append($"    returns {TypeName(method.ReturnType)}\n");
                lines.Add(($"{op?.OperationId} {method.Name}", sb.ToString()));
            }
        }

        return string.Concat(lines.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => l.Text));
    }

    public static string Models()
    {
        var sb = new StringBuilder();
        foreach (var type in ModelTypes())
        {
            if (type.IsEnum)
            {
                var table = type.GetCustomAttribute<JsonConverterAttribute>()!.ConverterType!
                    .GetProperty("Table")!.GetValue(null)!;
                var wire = (IReadOnlyList<string>)table.GetType().GetProperty("WireValues")!.GetValue(table)!;
                var names = Enum.GetNames(type).Skip(1);
                sb.Append($"enum {type.Name}: {string.Join(", ", names.Zip(wire, (n, w) => $"{n}={w}"))}\n");
                continue;
            }

            sb.Append($"class {type.Name}\n");
            foreach (var p in type.GetProperties())
            {
                var wireName = p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;
                var marks = new List<string>();
                if (p.GetCustomAttribute<JsonConverterAttribute>() is { } c)
                {
                    marks.Add(c.ConverterType!.Name);
                }

                if (p.GetCustomAttribute<JsonExtensionDataAttribute>() is not null)
                {
                    marks.Add("extension data");
                }

                if (p.GetCustomAttribute<System.Runtime.CompilerServices.RequiredMemberAttribute>() is not null)
                {
                    marks.Add("required");
                }

                if (p.GetCustomAttribute<JsonRequiredAttribute>() is not null)
                {
                    marks.Add("json required");
                }

                var suffix = marks.Count > 0 ? $"  [{string.Join(", ", marks)}]" : string.Empty;
                sb.Append($"    {wireName ?? "*"} -> {TypeName(p)} {p.Name}{suffix}\n");
            }
        }

        return sb.ToString();
    }

    /// <summary>The generated stream surface: message records, payload records, channel factories and the type table.</summary>
    public static string Streams()
    {
        var sb = new StringBuilder();
        var types = ClientAssembly.GetExportedTypes()
            .Where(t => t.Namespace == "Lighter.Client.Streaming.Messages" && t.GetCustomAttribute<System.CodeDom.Compiler.GeneratedCodeAttribute>() is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal);
        foreach (var type in types)
        {
            if (type.IsAbstract && type.IsSealed)
            {
                continue; // static classes: described below
            }

            var kind = type.IsAbstract ? "abstract record" : "record";
            var wire = type.GetField("MessageType")?.GetRawConstantValue() is string t ? $" \"{t}\"" : string.Empty;
            sb.Append($"{kind} {type.Name} : {type.BaseType!.Name}{wire}\n");
            foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(p => p.Name != "EqualityContract"))
            {
                var wireName = p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? "*";
                var extension = p.GetCustomAttribute<JsonExtensionDataAttribute>() is not null ? "  [extension data]" : string.Empty;
                sb.Append($"    {wireName} -> {TypeName(p)} {p.Name}{extension}\n");
            }
        }

        var channels = types.Single(t => t.Name == "LighterChannels");
        foreach (var factory in channels.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType.IsGenericType && m.ReturnType.Name.StartsWith("ChannelSubscription", StringComparison.Ordinal)).OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            var args = factory.GetParameters().Select(p => p.ParameterType == typeof(string) ? (object)("{" + p.Name + "}") : Convert.ChangeType(1, p.ParameterType, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var channel = factory.Invoke(null, args)!;
            var address = channel.GetType().GetProperty("Address")!.GetValue(channel);
            var auth = (bool)channel.GetType().GetProperty("RequiresAuth")!.GetValue(channel)! ? " [auth]" : string.Empty;
            var parameters = string.Join(", ", factory.GetParameters().Select(p => $"{TypeName(p)} {p.Name}"));
            sb.Append($"channel {factory.Name}({parameters}) -> {TypeName(factory.ReturnType)} \"{address}\"{auth}\n");
        }

        var messages = types.Single(t => t.Name == "LighterMessages");
        var received = (IReadOnlyDictionary<string, Type>)messages.GetProperty("Received")!.GetValue(null)!;
        foreach (var (wire, type) in received.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            sb.Append($"receives \"{wire}\" -> {type.Name}\n");
        }

        foreach (var type in (IReadOnlyList<Type>)messages.GetProperty("Sent")!.GetValue(null)!)
        {
            sb.Append($"sends {type.Name}\n");
        }

        return sb.ToString();
    }

    private static string Binding(ParameterInfo p)
    {
        if (p.GetCustomAttribute<HeaderAttribute>() is { } header)
        {
            return $"header {header.Header}";
        }

        if (p.GetCustomAttribute<BodyAttribute>() is { } body)
        {
            return $"body {body.SerializationMethod}";
        }

        var alias = p.GetCustomAttribute<AliasAsAttribute>()?.Name;
        if (p.GetCustomAttribute<QueryAttribute>() is { } query)
        {
            return query.IsCollectionFormatSpecified ? $"query {alias} ({query.CollectionFormat})" : $"query {alias}";
        }

        return alias is null ? "(none)" : $"field {alias}";
    }

    private static string TypeName(ParameterInfo p) => TypeName(p.ParameterType, Nullability.Create(p).ReadState);

    private static string TypeName(PropertyInfo p) => TypeName(p.PropertyType, Nullability.Create(p).ReadState);

    private static string TypeName(Type type, NullabilityState state = NullabilityState.NotNull)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return TypeName(inner) + "?";
        }

        var name = type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(a => TypeName(a)))}>"
            : type.Name;
        return !type.IsValueType && state == NullabilityState.Nullable ? name + "?" : name;
    }
}
