using Lighter.Client.Streaming;
using Lighter.Client.Streaming.Messages;
using Lighter.Tests.Fuzz;
using Lighter.Client.OrderBooks;

namespace Lighter.Client.Tests.Fuzzing;

/// <summary>
/// Fuzzes <see cref="FrameDispatcher.Dispatch"/> with real sinks behind it (an order book, a generated typed channel,
/// a raw channel) and a transaction correlator as control handler: no frame makes it throw (its contract: anything it
/// cannot use becomes a diagnostic), hang, or allocate beyond the stated bound.
/// </summary>
/// <remarks>CI: <see cref="FuzzHarness.Seeds"/>, 1,125 inputs each. Long mode: see <see cref="FuzzHarness"/>.</remarks>
[Trait("Category", "Fuzz")]
public sealed class FrameDispatcherFuzzTests
{
    [Fact]
    public async Task Dispatch_never_throws_whatever_arrives()
    {
        var diagnostics = new CountingDiagnostics();
        var control = new CorrelatingControl();
        var dispatcher = new FrameDispatcher(control, diagnostics);
        Assert.True(dispatcher.TryAdd(new OrderBookSink(new LocalOrderBook(0), static (_, _) => { })));
        Assert.True(dispatcher.TryAdd(new TypedSubscriptionSink<TradeChannelMessage>(LighterChannels.Trade(0), capacity: 4)));
        Assert.True(dispatcher.TryAdd(new TypedSubscriptionSink<RawStreamMessage>(RawStreamMessage.Channel("height"), capacity: 4)));

        await FuzzHarness.RunAsync(
            "FrameDispatcher.Dispatch",
            FuzzHarness.Utf8([FuzzSeeds.BookUpdate, FuzzSeeds.BookSnapshot, FuzzSeeds.Trade, FuzzSeeds.Height, FuzzSeeds.TxReply, FuzzSeeds.TxBatchReply, .. FuzzSeeds.Control]),
            FuzzHarness.Iterations(1125),
            input => dispatcher.Dispatch(input),
            allowed: static _ => false,
            maxTimePerInput: TimeSpan.FromSeconds(2),
            maxBytes: 256 * 1024,
            maxBytesPerInputByte: 64);
        Assert.True(diagnostics.Count > 0);
    }

    /// <summary>Routes transaction replies into a real correlator, as the connection does.</summary>
    private sealed class CorrelatingControl : IControlFrameHandler
    {
        private readonly TransactionCorrelator _transactions = new();

        public void OnConnected()
        {
        }

        public void OnPing()
        {
        }

        public void OnTransactionResponse(ReadOnlySpan<byte> frame) => _ = _transactions.Complete(frame);
    }
}
