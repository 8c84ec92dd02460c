using System.Globalization;

namespace Lighter.Client.OrderBooks;

/// <summary>
/// One price level of an order book: price and total size as <see cref="decimal"/>, plus the exact wire text.
/// </summary>
/// <remarks>
/// The wire text is only stored when <see cref="decimal"/> formatting would not reproduce it (for example
/// <c>"007.5"</c>); canonical strings such as <c>"3024.660"</c> round-trip through the decimal's scale, which keeps
/// the hot path free of string allocations.
/// </remarks>
public readonly struct PriceLevel : IEquatable<PriceLevel>
{
    private readonly string? _priceWire;
    private readonly string? _sizeWire;

    /// <summary>Creates a level from decimal values; the wire text is the decimals' invariant formatting.</summary>
    /// <param name="price">Level price.</param>
    /// <param name="size">Total size resting at the price; zero means "delete" in an update.</param>
    public PriceLevel(decimal price, decimal size)
        : this(price, size, null, null)
    {
    }

    internal PriceLevel(decimal price, decimal size, string? priceWire, string? sizeWire)
    {
        Price = price;
        Size = size;
        _priceWire = priceWire;
        _sizeWire = sizeWire;
    }

    /// <summary>Level price.</summary>
    public decimal Price { get; }

    /// <summary>Total size at the price.</summary>
    public decimal Size { get; }

    /// <summary>The price exactly as the server sent it.</summary>
    public string PriceText => _priceWire ?? Price.ToString(CultureInfo.InvariantCulture);

    /// <summary>The size exactly as the server sent it.</summary>
    public string SizeText => _sizeWire ?? Size.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public bool Equals(PriceLevel other) =>
        string.Equals(PriceText, other.PriceText, StringComparison.Ordinal)
        && string.Equals(SizeText, other.SizeText, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PriceLevel other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Price, Size);

    /// <inheritdoc />
    public override string ToString() => $"{PriceText} x {SizeText}";

    /// <summary>Equality on the wire texts.</summary>
    public static bool operator ==(PriceLevel left, PriceLevel right) => left.Equals(right);

    /// <summary>Inequality on the wire texts.</summary>
    public static bool operator !=(PriceLevel left, PriceLevel right) => !left.Equals(right);
}
