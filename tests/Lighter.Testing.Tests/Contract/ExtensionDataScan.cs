using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lighter.Testing.Tests.Contract;

/// <summary>
/// Walks a generated model graph and reports every field that landed in a <c>[JsonExtensionData]</c> bag:
/// such a field has a wire name the generated model does not know, i.e. the sandbox and the spec disagree.
/// </summary>
internal static class ExtensionDataScan
{
    public static IEnumerable<string> UnknownFields(object? model, string where)
    {
        if (model is null || model is string || model.GetType().IsPrimitive || model.GetType().IsEnum || model is decimal)
        {
            yield break;
        }

        if (model is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                foreach (var problem in UnknownFields(item, $"{where}[{i++}]"))
                {
                    yield return problem;
                }
            }

            yield break;
        }

        if (model.GetType().Namespace != "Lighter.Client.Models")
        {
            yield break;
        }

        foreach (var property in model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(model);
            if (property.GetCustomAttribute<JsonExtensionDataAttribute>() is not null)
            {
                if (value is IDictionary<string, JsonElement> { Count: > 0 } bag)
                {
                    yield return $"{where}: unknown {string.Join(", ", bag.Keys)}";
                }

                continue;
            }

            foreach (var problem in UnknownFields(value, $"{where}.{property.Name}"))
            {
                yield return problem;
            }
        }
    }
}
