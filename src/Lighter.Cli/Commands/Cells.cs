using System.Globalization;
using System.Text.Json;
using Lighter.Client.Serialization;
using Spectre.Console;

namespace Lighter.Cli.Commands;

/// <summary>Table cells and <c>--json</c> output from the generated models, in the exchange's own wire forms.</summary>
internal static class Cells
{
    /// <summary>A decimal as the exchange wrote it (the model keeps the wire string's scale).</summary>
    public static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number in invariant form.</summary>
    public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>An integer in invariant form.</summary>
    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Free text from the exchange, escaped so Spectre does not read it as markup.</summary>
    public static string Text(string value) => Markup.Escape(value);

    /// <summary>A generated enum as its wire string (e.g. <c>perp</c>), or its name when the value is unknown to this SDK.</summary>
    public static string Wire<T>(T value)
        where T : struct, Enum
    {
        try
        {
            return Markup.Escape(JsonSerializer.Serialize(value, typeof(T), LighterJsonContext.Default).Trim('"'));
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
        {
            // Unrecognized values cannot be written back to the wire.
            return value.ToString();
        }
    }

    /// <summary>A generated model as one JSON line with the client's serializer (wire names, exact decimal strings).</summary>
    public static string Json<T>(T model) => JsonSerializer.Serialize(model, typeof(T), LighterJsonContext.Default);
}
