using System.Globalization;
using System.Reflection;
using Lighter.Client.Models;
using Refit;

namespace Lighter.Client.Serialization;

/// <summary>
/// How scalar values look in query strings and form bodies: <c>true</c>/<c>false</c> (Refit's default writes
/// <c>True</c>), generated enums as their wire strings, numbers in the invariant culture.
/// </summary>
internal static class WireFormat
{
    public static bool TryFormat(object? value, out string? text)
    {
        switch (value)
        {
            case bool b:
                text = b ? "true" : "false";
                return true;
            case Enum e when WireValues.TryFormat(e, out var wire):
                text = wire;
                return true;
            case IFormattable f and (decimal or double or float or long or int or short or sbyte or ulong or uint or ushort or byte):
                text = f.ToString(null, CultureInfo.InvariantCulture);
                return true;
            default:
                text = null;
                return false;
        }
    }
}

/// <summary>Refit query/path formatter with the wire conventions of <see cref="WireFormat"/>.</summary>
internal sealed class LighterUrlParameterFormatter : DefaultUrlParameterFormatter
{
    /// <inheritdoc/>
    public override string? Format(object? value, ICustomAttributeProvider attributeProvider, Type type) =>
        WireFormat.TryFormat(value, out var text) ? text : base.Format(value, attributeProvider, type);
}

/// <summary>Refit form-body formatter with the wire conventions of <see cref="WireFormat"/>.</summary>
internal sealed class LighterFormUrlEncodedParameterFormatter : DefaultFormUrlEncodedParameterFormatter
{
    /// <inheritdoc/>
    public override string? Format(object? value, string? formatString) =>
        formatString is null && WireFormat.TryFormat(value, out var text) ? text : base.Format(value, formatString);
}
