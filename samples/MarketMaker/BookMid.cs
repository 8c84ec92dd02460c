using Lighter.Client.OrderBooks;
using Lighter.Client.Tracking;
using Lighter.Signing.Transactions;

namespace MarketMaker;

/// <summary>
/// The mid of everyone else's orders: the bot's own resting quotes are taken out of the book first, so that the bot
/// never prices off itself (with its own quotes counted, a one-sided move would make it chase its own requotes).
/// </summary>
internal static class BookMid
{
    /// <summary>The mid of the best bid and ask left after removing <paramref name="own"/>, or null when a side is empty or the book is not synced.</summary>
    public static decimal? OfOthers(OrderBookSnapshot book, IEnumerable<TrackedOrder> own)
    {
        if (book.Status != LocalOrderBookStatus.Synced) return null; // a stale or rebuilding book must not move the quotes
        var mine = own.Where(o => o.MarketId == book.MarketId && !o.IsFinal).ToList();
        return Best(book.Bids, mine, OrderSide.Buy) is { } bid && Best(book.Asks, mine, OrderSide.Sell) is { } ask ? (bid + ask) / 2 : null;
    }

    /// <summary>The first level (best first) with size left once the bot's own size at that price is subtracted.</summary>
    private static decimal? Best(IReadOnlyList<PriceLevel> levels, List<TrackedOrder> mine, OrderSide side)
    {
        foreach (var level in levels)
        {
            var own = mine.Where(o => o.Side == side && o.Price == level.Price).Sum(o => o.RemainingSize);
            if (level.Size > own) return level.Price;
        }
        return null;
    }
}
