using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lighter.Client.Api;
using Lighter.Client.Serialization;
using Refit;

namespace Lighter.Client.Tests.Contract;

/// <summary>
/// One generated method of an operation with arguments built from the spec's parameter and body schemas (every
/// parameter, required and optional), and what the server must therefore receive.
/// </summary>
internal sealed class RestCall
{
    private static readonly JsonSerializerOptions ParameterJson = new(JsonSerializerDefaults.General);

    private RestCall(LighterOperation operation, MethodInfo method)
    {
        Operation = operation;
        Method = method;
    }

    public LighterOperation Operation { get; }

    public MethodInfo Method { get; }

    public object?[] Arguments { get; private set; } = [];

    /// <summary>Query key → the values expected on the wire, in order.</summary>
    public Dictionary<string, List<string>> ExpectedQuery { get; } = new(StringComparer.Ordinal);

    /// <summary>Form (or multipart) field → expected value; for JSON bodies, the expected document.</summary>
    public Dictionary<string, string> ExpectedForm { get; } = new(StringComparer.Ordinal);

    public JsonNode? ExpectedJsonBody { get; private set; }

    public string? ContentType => Operation.RequestContentType is null ? null
        : Method.GetCustomAttribute<MultipartAttribute>() is not null ? "multipart/form-data" : Operation.RequestContentType;

    public static RestCall Build(OpenApiDocument spec, SpecOperation op, LighterOperation operation)
    {
        var method = operation.Api.GetMethod(operation.MethodName)
                     ?? throw new InvalidOperationException($"{operation.Api.Name}.{operation.MethodName} is not generated");
        var call = new RestCall(operation, method);
        var sampler = new SchemaSampler(spec.Resolve);
        var parameters = spec.Parameters(op).ToDictionary(p => (string)p["name"]!, StringComparer.Ordinal);
        var body = spec.Bodies(op).FirstOrDefault().Schema;
        call.Arguments = method.GetParameters().Select(p => call.Argument(p, parameters, body, sampler)).ToArray();
        return call;
    }

    private object? Argument(ParameterInfo p, Dictionary<string, JsonObject> parameters, JsonObject? body, SchemaSampler sampler)
    {
        if (p.ParameterType == typeof(CancellationToken) || p.GetCustomAttribute<HeaderAttribute>() is not null)
        {
            return p.ParameterType == typeof(CancellationToken) ? CancellationToken.None : null; // the auth handler supplies the token
        }

        if (p.GetCustomAttribute<BodyAttribute>() is { } bodyAttribute)
        {
            var sample = sampler.Sample(body ?? throw new InvalidOperationException($"{p.Name}: the spec has no body"))!;
            if (bodyAttribute.SerializationMethod == BodySerializationMethod.UrlEncoded)
            {
                foreach (var (name, fieldValue) in sample.AsObject())
                {
                    ExpectedForm[name] = WireText(fieldValue!);
                }
            }
            else
            {
                ExpectedJsonBody = sample;
            }

            // Form bodies are never JSON, so the source-generated context does not list them: read them by reflection.
            return sample.Deserialize(p.ParameterType, ExpectedJsonBody is null ? ParameterJson : LighterJsonContext.Default.Options);
        }

        var alias = p.GetCustomAttribute<AliasAsAttribute>()?.Name ?? p.Name!;
        if (p.GetCustomAttribute<QueryAttribute>() is null)
        {
            // A multipart form field: its schema is the body property of that name.
            var property = (JsonObject)body!["properties"]![alias]!;
            var field = sampler.Sample(property)!;
            ExpectedForm[alias] = WireText(field);
            return field.Deserialize(p.ParameterType, ParameterJson);
        }

        var spec = parameters.GetValueOrDefault(alias) ?? throw new InvalidOperationException($"{Method.Name}({p.Name}): no spec parameter '{alias}'");
        var schema = (JsonObject)spec["schema"]!;
        var value = (string?)schema["type"] is "string" && schema["enum"] is null
            ? JsonValue.Create((string?)schema["example"] ?? "v-" + alias)
            : sampler.Sample(schema, arrayLength: 2)!;
        var explode = (bool?)spec["explode"] ?? true;
        ExpectedQuery[alias] = value is JsonArray items
            ? explode ? items.Select(i => WireText(i!)).ToList() : [string.Join(',', items.Select(i => WireText(i!)))]
            : [WireText(value)];
        return value.Deserialize(p.ParameterType, ParameterJson);
    }

    /// <summary>The text of a scalar as the spec puts it on the wire (booleans lowercase, numbers invariant).</summary>
    private static string WireText(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        _ => value.ToJsonString(),
    };
}
