using System.Globalization;
using System.Text.Json;

namespace Lighter.Client.Tests.Contract;

/// <summary>JSON equality by meaning: numbers by value (1.50 = 1.5 = 15E-1), strings exactly, objects by key set.</summary>
internal static class SemanticJson
{
    /// <summary>Every difference as a JSON path and the two values; empty when equal.</summary>
    public static IReadOnlyList<string> Differences(JsonElement expected, JsonElement actual)
    {
        var found = new List<string>();
        Compare(expected, actual, "$", found);
        return found;
    }

    private static void Compare(JsonElement expected, JsonElement actual, string path, List<string> found)
    {
        if (expected.ValueKind != actual.ValueKind && !(IsBool(expected) && IsBool(actual)))
        {
            found.Add($"{path}: expected {expected.ValueKind} {expected.GetRawText()}, got {actual.ValueKind} {actual.GetRawText()}");
            return;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var actualProps = actual.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                foreach (var p in expected.EnumerateObject())
                {
                    if (actualProps.Remove(p.Name, out var value))
                    {
                        Compare(p.Value, value, $"{path}.{p.Name}", found);
                    }
                    else
                    {
                        found.Add($"{path}.{p.Name}: missing after the round trip");
                    }
                }

                found.AddRange(actualProps.Keys.Select(k => $"{path}.{k}: not in the served JSON"));
                break;
            case JsonValueKind.Array:
                var left = expected.EnumerateArray().ToList();
                var right = actual.EnumerateArray().ToList();
                if (left.Count != right.Count)
                {
                    found.Add($"{path}: {left.Count} items expected, got {right.Count}");
                    return;
                }

                for (var i = 0; i < left.Count; i++)
                {
                    Compare(left[i], right[i], $"{path}[{i}]", found);
                }

                break;
            case JsonValueKind.Number when !SameNumber(expected.GetRawText(), actual.GetRawText()):
            case JsonValueKind.String when expected.GetString() != actual.GetString():
            case JsonValueKind.True or JsonValueKind.False when expected.ValueKind != actual.ValueKind:
                found.Add($"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}");
                break;
        }
    }

    private static bool IsBool(JsonElement e) => e.ValueKind is JsonValueKind.True or JsonValueKind.False;

    private static bool SameNumber(string a, string b) =>
        decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
        && decimal.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
            ? x == y
            : double.Parse(a, CultureInfo.InvariantCulture).Equals(double.Parse(b, CultureInfo.InvariantCulture));
}
