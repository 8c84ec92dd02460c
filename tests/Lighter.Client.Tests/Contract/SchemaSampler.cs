using System.Globalization;
using System.Text.Json.Nodes;

namespace Lighter.Client.Tests.Contract;

/// <summary>
/// Builds a JSON value from a schema: the schema's example where it has a usable one, otherwise a non-default
/// value for every property (so a field that is not mapped, or mapped to the wrong name, cannot go unnoticed).
/// Every <c>code</c> is 200, the exchange's success code.
/// </summary>
internal sealed class SchemaSampler(Func<JsonObject, JsonObject> resolve)
{
    /// <summary>Numeric text: a valid string, and also valid where the SDK maps a string to <c>decimal</c>.</summary>
    public const string FillerString = "12.5";

    public JsonNode? Sample(JsonObject schema, int arrayLength = 1) => Sample(schema, arrayLength, []);

    private JsonNode? Sample(JsonObject schema, int arrayLength, HashSet<string> refs)
    {
        var reference = (string?)schema["$ref"];
        if (reference is not null && !refs.Add(reference))
        {
            throw new InvalidOperationException($"recursive schema {reference}: the sampler needs a depth rule");
        }

        try
        {
            return SampleResolved(resolve(schema), arrayLength, refs);
        }
        finally
        {
            if (reference is not null)
            {
                refs.Remove(reference);
            }
        }
    }

    private JsonNode? SampleResolved(JsonObject schema, int arrayLength, HashSet<string> refs)
    {
        if (schema["const"] is { } constant)
        {
            return constant.DeepClone();
        }

        if (schema["oneOf"] is JsonArray { Count: > 0 } choices)
        {
            return Sample((JsonObject)choices[0]!, arrayLength, refs);
        }

        var example = schema["example"] is JsonValue e ? e.ToString() : null;
        switch ((string?)schema["type"])
        {
            case "string" when schema["enum"] is JsonArray values:
                var wire = values.Select(v => v!.ToString()).ToList();
                return example is not null && wire.Contains(example) ? example : wire[0];
            case "string":
                return example ?? FillerString;
            case "integer":
                return long.TryParse(example, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) && l != 0 ? l : 7;
            case "number":
                return decimal.TryParse(example, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d != 0 ? d : 2.5m;
            case "boolean":
                return true;
            case "array":
                var array = new JsonArray();
                for (var i = 0; i < arrayLength; i++)
                {
                    array.Add(Sample((JsonObject)schema["items"]!, 1, refs));
                }

                return array;
        }

        var result = new JsonObject();
        if (schema["properties"] is JsonObject { Count: > 0 } properties)
        {
            foreach (var (name, property) in properties)
            {
                var value = Sample((JsonObject)property!, 1, refs);
                result[name] = name == "code" && value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number ? 200 : value;
            }
        }
        else if (schema["additionalProperties"] is JsonObject valueSchema)
        {
            result["key1"] = Sample(valueSchema, 1, refs);
        }
        else
        {
            result["free"] = "form"; // an untyped object: the SDK keeps it as a JsonElement
        }

        return result;
    }
}
