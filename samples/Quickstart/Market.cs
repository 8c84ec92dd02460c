using System.Globalization;
using System.Text.Json;

namespace Quickstart;

/// <summary>A market's id, symbol and precision, from <c>GET /api/v1/orderBookDetails</c>.</summary>
internal sealed record Market(short Id, string Symbol, int SizeDecimals, int PriceDecimals)
{
    public static Market Parse(JsonElement detail) => new(
        detail.GetProperty("market_id").GetInt16(),
        detail.GetProperty("symbol").GetString()!,
        detail.GetProperty("size_decimals").GetInt32(),
        detail.GetProperty("price_decimals").GetInt32());

    /// <summary>The integer price the signer takes; a price finer than the market allows is an error, never rounded.</summary>
    public uint ToPriceUnits(decimal price) => checked((uint)Scale(price, PriceDecimals, "price"));

    /// <summary>The integer base amount the signer takes; a size finer than the market allows is an error.</summary>
    public long ToSizeUnits(decimal size) => Scale(size, SizeDecimals, "size");

    private static long Scale(decimal value, int decimals, string name)
    {
        var scaled = value;
        for (var i = 0; i < decimals; i++)
        {
            scaled *= 10m;
        }

        return scaled == decimal.Truncate(scaled)
            ? (long)scaled
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The {name} {value} has more than the market's {decimals} decimals."), name);
    }
}
