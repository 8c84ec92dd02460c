using Lighter.Client.Streaming;
using Lighter.Tests.Fuzz;
using Lighter.Client.OrderBooks;

namespace Lighter.Client.Tests.Fuzzing;

/// <summary>
/// Fuzzes <see cref="OrderBookFrameParser"/> and the book behind it (<see cref="OrderBookSink"/>): mutated frames never
/// throw (the parser's contract is to return an error naming the field), never hang, and allocate a bounded amount.
/// </summary>
/// <remarks>CI: <see cref="FuzzHarness.Seeds"/>, 1,125 inputs each. Long mode: see <see cref="FuzzHarness"/>.</remarks>
[Trait("Category", "Fuzz")]
public sealed class OrderBookFrameParserFuzzTests
{
    private static readonly byte[][] Seeds = FuzzHarness.Utf8([FuzzSeeds.BookUpdate, FuzzSeeds.BookSnapshot]);

    /// <summary>Error strings, level texts and buffer growth scale with the input: 64 KiB plus 32 bytes per input byte.</summary>
    private const long MaxBytes = 64 * 1024;

    private const long MaxBytesPerInputByte = 32;

    [Fact]
    public async Task The_parser_never_throws_and_stays_within_time_and_allocation_bounds()
    {
        var frame = new OrderBookFrame();
        await FuzzHarness.RunAsync(
            "OrderBookFrameParser.Parse",
            Seeds,
            FuzzHarness.Iterations(1125),
            input => OrderBookFrameParser.Parse(input, frame),
            allowed: static _ => false,
            maxTimePerInput: TimeSpan.FromSeconds(2),
            maxBytes: MaxBytes,
            maxBytesPerInputByte: MaxBytesPerInputByte);
    }

    [Fact]
    public async Task The_book_sink_takes_any_frame_without_throwing()
    {
        var book = new LocalOrderBook(0);
        var sink = new OrderBookSink(book, static (_, _) => { });
        var diagnostics = new CountingDiagnostics();
        var snapshot = System.Text.Encoding.UTF8.GetBytes(FuzzSeeds.BookSnapshot);
        await FuzzHarness.RunAsync(
            "OrderBookSink.OnFrame",
            Seeds,
            FuzzHarness.Iterations(1125),
            input =>
            {
                sink.OnFrame(default, input, diagnostics);
                if (book.Status != LocalOrderBookStatus.Synced)
                {
                    sink.OnFrame(default, snapshot, diagnostics); // keep exercising the update path
                }
            },
            allowed: static _ => false,
            maxTimePerInput: TimeSpan.FromSeconds(2),
            maxBytes: MaxBytes,
            maxBytesPerInputByte: MaxBytesPerInputByte);
        Assert.True(diagnostics.Count > 0);
    }
}
