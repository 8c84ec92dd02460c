using Lighter.Client.Streaming;

namespace Lighter.Client.Tests.Fuzzing;

/// <summary>
/// Fuzzes <see cref="OrderBookFrameParser"/> and the book behind it (<see cref="OrderBookSink"/>): mutated frames never
/// throw (the parser's contract is to return an error naming the field), never hang, and allocate a bounded amount.
/// </summary>
/// <remarks>
/// CI: the fixed seeds in <see cref="FuzzRunner.Seeds"/>, <see cref="FuzzRunner.DefaultIterations"/> inputs each.
/// Long mode: <c>LIGHTER_FUZZ_ITERATIONS=1000000 dotnet test tests/Lighter.Client.Tests --filter Category=Fuzz</c>
/// (optionally <c>LIGHTER_FUZZ_SEED=n</c> for one more seed). A failure prints the seed and the input as base64.
/// </remarks>
[Trait("Category", "Fuzz")]
public sealed class OrderBookFrameParserFuzzTests
{
    private static readonly string[] Seeds = [FuzzSeeds.BookUpdate, FuzzSeeds.BookSnapshot];

    /// <summary>Error strings, level texts and buffer growth scale with the input: 64 KiB plus 32 bytes per input byte.</summary>
    private static long Bound(int length) => (64 * 1024) + (32L * length);

    [Fact]
    public void The_parser_never_throws_and_stays_within_time_and_allocation_bounds()
    {
        var frame = new OrderBookFrame();
        FuzzRunner.Run(Seeds, input => OrderBookFrameParser.Parse(input, frame), Bound);
    }

    [Fact]
    public void The_book_sink_takes_any_frame_without_throwing()
    {
        var book = new OrderBook(0);
        var sink = new OrderBookSink(book, static (_, _) => { });
        var diagnostics = new CountingDiagnostics();
        var snapshot = System.Text.Encoding.UTF8.GetBytes(FuzzSeeds.BookSnapshot);
        FuzzRunner.Run(
            Seeds,
            input =>
            {
                sink.OnFrame(default, input, diagnostics);
                if (book.Status != OrderBookStatus.Synced)
                {
                    sink.OnFrame(default, snapshot, diagnostics); // keep exercising the update path
                }
            },
            Bound);
        Assert.True(diagnostics.Count > 0);
    }
}
