using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lighter.Client.Tests.Contract;

/// <summary>
/// Walks a decoded SDK object graph (REST models and stream records) and reports every field that landed in a
/// <c>[JsonExtensionData]</c> bag: the document names a field the SDK type does not map.
/// </summary>
internal static class UnmappedFields
{
    public static IReadOnlyList<string> Of(object? value, string where)
    {
        var found = new List<string>();
        Walk(value, where, found);
        return found;
    }

    private static void Walk(object? value, string where, List<string> found)
    {
        if (value is null or string or decimal or JsonElement || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                Walk(entry.Value, $"{where}[{entry.Key}]", found);
            }

            return;
        }

        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                Walk(item, $"{where}[{i++}]", found);
            }

            return;
        }

        if (value.GetType().Namespace?.StartsWith("Lighter.Client", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var child = property.GetValue(value);
            if (property.GetCustomAttribute<JsonExtensionDataAttribute>() is not null)
            {
                if (child is IDictionary<string, JsonElement> { Count: > 0 } bag)
                {
                    found.Add($"{where}: unmapped {string.Join(", ", bag.Keys)}");
                }

                continue;
            }

            Walk(child, $"{where}.{property.Name}", found);
        }
    }
}
