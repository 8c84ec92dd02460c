using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Lighter.Client.Streaming;
using Lighter.Client.OrderBooks;

namespace Lighter.Benchmarks.Streaming;

/// <summary>
/// Hot paths of the order-book stream: parsing + dispatching one typical <c>update/order_book</c> frame, and
/// applying level updates to a 200-level-per-side book.
/// </summary>
[MemoryDiagnoser]
public class OrderBookBenchmarks
{
    private const int FramesPerRun = 1000;
    private const int LevelsPerFrame = 8;

    /// <summary>A typical live update: 4 bid and 4 ask levels, nonces, keys in the server's (alphabetical) order.</summary>
    private static readonly byte[] UpdateFrame = Encoding.UTF8.GetBytes(
        """{"channel":"order_book:0","offset":41872201,"order_book":{"asks":[{"price":"3024.66","size":"1.2040"},{"price":"3024.71","size":"0.0000"},{"price":"3024.93","size":"12.5000"},{"price":"3025.10","size":"3.3000"}],"begin_nonce":8834120,"bids":[{"price":"3024.51","size":"0.7500"},{"price":"3024.40","size":"0.0000"},{"price":"3024.12","size":"8.0100"},{"price":"3023.95","size":"2.0000"}],"code":0,"nonce":8834137,"offset":41872201},"timestamp":1767225600123,"type":"update/order_book"}""");

    private readonly OrderBookFrame _scratch = new();
    private FrameDispatcher _dispatcher = null!;
    private OrderBookFrame _snapshot = null!;
    private OrderBookFrame[] _updates = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dispatcher = new FrameDispatcher(new NoControl(), new NoDiagnostics());
        // The real order-book sink; its book never gets a snapshot, so every update is parsed, routed and then
        // held back (no resync traffic), which isolates parse + dispatch from applying.
        _dispatcher.TryAdd(new OrderBookSink(new LocalOrderBook(0), static (_, _) => { }));
        (_snapshot, _updates) = BuildStream();
    }

    /// <summary>Envelope read, channel routing and full Utf8JsonReader decode of the levels.</summary>
    [Benchmark]
    public void ParseAndDispatchUpdateFrame() => _dispatcher.Dispatch(UpdateFrame);

    /// <summary>Decode only (no routing).</summary>
    [Benchmark]
    public string? ParseUpdateFrame() => OrderBookFrameParser.Parse(UpdateFrame, _scratch);

    /// <summary>One snapshot and 1,000 chained updates of 8 levels; reported per level update.</summary>
    [Benchmark(OperationsPerInvoke = FramesPerRun * LevelsPerFrame)]
    public long ApplyLevelUpdates()
    {
        var book = new LocalOrderBook(0);
        book.Apply(_snapshot);
        foreach (var update in _updates)
        {
            book.Apply(update);
        }

        return book.Offset;
    }

    private static (OrderBookFrame Snapshot, OrderBookFrame[] Updates) BuildStream()
    {
        var random = new Random(7);
        var snapshot = new OrderBookFrame { IsSnapshot = true, MarketId = 0, Offset = 1, Nonce = 100, BeginNonce = 100 };
        for (var i = 0; i < 200; i++)
        {
            snapshot.AddBid(Level(3000m - (i * 0.01m), 1m + i));
            snapshot.AddAsk(Level(3000.01m + (i * 0.01m), 1m + i));
        }

        var updates = new OrderBookFrame[FramesPerRun];
        long nonce = 100;
        for (var f = 0; f < FramesPerRun; f++)
        {
            var frame = new OrderBookFrame { MarketId = 0, Offset = 2 + f, BeginNonce = nonce, Nonce = nonce += 13 };
            for (var l = 0; l < LevelsPerFrame / 2; l++)
            {
                // Mostly near the top of the book; one in four deletes, re-added later by other updates.
                var size = random.Next(4) == 0 ? 0m : random.Next(1, 500) / 100m;
                frame.AddBid(Level(3000m - (random.Next(40) * 0.01m), size));
                frame.AddAsk(Level(3000.01m + (random.Next(40) * 0.01m), size));
            }

            updates[f] = frame;
        }

        return (snapshot, updates);
    }

    private static PriceLevel Level(decimal price, decimal size) =>
        new(decimal.Parse(price.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), size);

    private sealed class NoControl : IControlFrameHandler
    {
        public void OnConnected()
        {
        }

        public void OnPing()
        {
        }

        public void OnTransactionResponse(ReadOnlySpan<byte> frame)
        {
        }
    }

    private sealed class NoDiagnostics : IStreamDiagnostics
    {
        public void Report(StreamDiagnosticKind kind, string message, string? channel, ReadOnlySpan<byte> frame) =>
            throw new InvalidOperationException(message);
    }
}
