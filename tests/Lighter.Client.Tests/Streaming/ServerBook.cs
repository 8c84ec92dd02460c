using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lighter.Client.Tests.Streaming;

/// <summary>The scripted server's own order book: the truth the client's local book must match.</summary>
internal sealed class ServerBook(int marketId)
{
    private readonly SortedDictionary<decimal, string[]> _bids = [];
    private readonly SortedDictionary<decimal, string[]> _asks = [];

    public int MarketId { get; } = marketId;

    public long Nonce { get; private set; } = 1000;

    public long Offset { get; private set; } = 1;

    /// <summary>Bids best first as (price, size) wire strings.</summary>
    public IReadOnlyList<(string Price, string Size)> Bids => _bids.Reverse().Select(kv => (kv.Value[0], kv.Value[1])).ToList();

    /// <summary>Asks best first as (price, size) wire strings.</summary>
    public IReadOnlyList<(string Price, string Size)> Asks => _asks.Select(kv => (kv.Value[0], kv.Value[1])).ToList();

    /// <summary>Applies levels and returns the update frame text (with begin_nonce = previous nonce).</summary>
    public string Update(IEnumerable<(string Price, string Size)> bids, IEnumerable<(string Price, string Size)> asks, int nonceJump = 17, int offsetJump = 3, long? forcedBeginNonce = null, bool withNonces = true)
    {
        var bidList = bids.ToList();
        var askList = asks.ToList();
        Apply(_bids, bidList);
        Apply(_asks, askList);
        var begin = forcedBeginNonce ?? Nonce;
        Nonce += nonceJump;
        Offset += offsetJump;
        return Frame("update/order_book", bidList, askList, withNonces ? begin : null, withNonces ? Nonce : null);
    }

    public string Snapshot(bool withNonces = true) =>
        Frame("subscribed/order_book", Bids, Asks, withNonces ? Nonce : null, withNonces ? Nonce : null);

    private string Frame(string type, IEnumerable<(string Price, string Size)> bids, IEnumerable<(string Price, string Size)> asks, long? begin, long? nonce)
    {
        // Keys in the order the Go server marshals them (alphabetical): "type" comes last.
        var book = new JsonObject
        {
            ["asks"] = Levels(asks),
        };
        if (begin is not null)
        {
            book["begin_nonce"] = begin;
        }

        book["bids"] = Levels(bids);
        book["code"] = 0;
        if (nonce is not null)
        {
            book["nonce"] = nonce;
        }

        book["offset"] = Offset;
        var frame = new JsonObject
        {
            ["channel"] = "order_book:" + MarketId.ToString(CultureInfo.InvariantCulture),
            ["offset"] = Offset,
            ["order_book"] = book,
            ["timestamp"] = 1767225600000 + Offset,
            ["type"] = type,
        };
        return frame.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    private static JsonArray Levels(IEnumerable<(string Price, string Size)> levels) =>
        [.. levels.Select(l => (JsonNode)new JsonObject { ["price"] = l.Price, ["size"] = l.Size })];

    private static void Apply(SortedDictionary<decimal, string[]> side, IEnumerable<(string Price, string Size)> levels)
    {
        foreach (var (price, size) in levels)
        {
            var key = decimal.Parse(price, CultureInfo.InvariantCulture);
            if (decimal.Parse(size, CultureInfo.InvariantCulture) == 0)
            {
                side.Remove(key);
            }
            else
            {
                side[key] = [price, size];
            }
        }
    }
}
