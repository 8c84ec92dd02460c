using System.Globalization;
using System.Text;

namespace Lighter.Client.OrderBooks;

/// <summary>Parses the exchange's decimal wire strings (UTF-8) without allocating.</summary>
internal static class WireDecimal
{
    private const int MaxFastDigits = 19; // 10^19 - 1 fits an unsigned 64-bit mantissa.

    /// <summary>
    /// Parses <paramref name="utf8"/> as a plain decimal number. <paramref name="canonical"/> tells whether
    /// <c>value.ToString(InvariantCulture)</c> reproduces the input byte for byte.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out decimal value, out bool canonical)
    {
        value = 0m;
        canonical = false;
        var i = 0;
        var negative = false;
        if (utf8.Length > 0 && utf8[0] == (byte)'-')
        {
            negative = true;
            i = 1;
        }

        ulong mantissa = 0;
        var digits = 0;
        var intStart = i;
        while (i < utf8.Length && (uint)(utf8[i] - '0') <= 9)
        {
            mantissa = (mantissa * 10) + (uint)(utf8[i] - '0');
            digits++;
            i++;
        }

        var intDigits = i - intStart;
        var scale = 0;
        if (i < utf8.Length && utf8[i] == (byte)'.')
        {
            i++;
            var fracStart = i;
            while (i < utf8.Length && (uint)(utf8[i] - '0') <= 9)
            {
                mantissa = (mantissa * 10) + (uint)(utf8[i] - '0');
                digits++;
                i++;
            }

            scale = i - fracStart;
            if (scale == 0)
            {
                return SlowParse(utf8, out value);
            }
        }

        if (i != utf8.Length || intDigits == 0 || digits > MaxFastDigits || scale > 28)
        {
            return SlowParse(utf8, out value);
        }

        value = new decimal((int)mantissa, (int)(mantissa >> 32), 0, negative, (byte)scale);
        var leadingZero = intDigits > 1 && utf8[intStart] == (byte)'0';
        canonical = !leadingZero && !(negative && mantissa == 0);
        return true;
    }

    /// <summary>Parses a wire string into a level component, keeping the text only when it is not canonical.</summary>
    public static bool TryParseWithText(ReadOnlySpan<byte> utf8, out decimal value, out string? text)
    {
        if (!TryParse(utf8, out value, out var canonical))
        {
            text = null;
            return false;
        }

        text = canonical ? null : Encoding.UTF8.GetString(utf8);
        return true;
    }

    private static bool SlowParse(ReadOnlySpan<byte> utf8, out decimal value) =>
        decimal.TryParse(utf8, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
}
