using System.Text.Json;
using Lighter.Client.Models;
using Lighter.Client.Serialization;

namespace Lighter.Client.Tests.Support;

/// <summary>A complete <c>orderBookDetails</c> answer (every required field, as the exchange sends) for the markets a test names.</summary>
internal static class OrderBookDetailsJson
{
    public static string Of(params Market[] markets) => JsonSerializer.Serialize(new OrderBookDetails
    {
        Code = 200,
        Items = [.. markets.Where(m => !m.Spot).Select(m => new PerpsOrderBookDetail
        {
            MarketId = m.Id, Symbol = m.Symbol, MarketType = PerpsOrderBookDetailMarketType.Perp, Status = PerpsOrderBookDetailStatus.Active,
            SizeDecimals = m.SizeDecimals, PriceDecimals = m.PriceDecimals, SupportedSizeDecimals = m.SizeDecimals, SupportedPriceDecimals = m.PriceDecimals,
            MinBaseAmount = m.MinBase, MinQuoteAmount = m.MinQuote,
        })],
        SpotOrderBookDetails = [.. markets.Where(m => m.Spot).Select(m => new SpotOrderBookDetail
        {
            MarketId = m.Id, Symbol = m.Symbol, MarketType = SpotOrderBookDetailMarketType.Spot, Status = SpotOrderBookDetailStatus.Active,
            SizeDecimals = m.SizeDecimals, PriceDecimals = m.PriceDecimals, SupportedSizeDecimals = m.SizeDecimals, SupportedPriceDecimals = m.PriceDecimals,
            MinBaseAmount = m.MinBase, MinQuoteAmount = m.MinQuote,
        })],
    }, LighterJsonContext.Default.OrderBookDetails);

    internal sealed record Market(short Id, string Symbol, byte SizeDecimals, byte PriceDecimals, decimal MinBase, decimal MinQuote = 0m, bool Spot = false);
}
