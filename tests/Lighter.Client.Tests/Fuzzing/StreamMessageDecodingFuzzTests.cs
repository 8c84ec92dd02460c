using System.Text.Json;
using Lighter.Client.Streaming;
using Lighter.Client.Streaming.Messages;

namespace Lighter.Client.Tests.Fuzzing;

/// <summary>
/// Fuzzes the generated typed-message decoding (<c>LighterMessages.Decode</c>, which every generated channel decoder
/// calls the same way): a mutated frame decodes, returns null, or throws <see cref="JsonException"/> and nothing else,
/// in bounded time and allocation; the typed subscription sink turns every failure into a diagnostic.
/// </summary>
/// <remarks>
/// CI: the fixed seeds in <see cref="FuzzRunner.Seeds"/>, <see cref="FuzzRunner.DefaultIterations"/> inputs each.
/// Long mode: <c>LIGHTER_FUZZ_ITERATIONS=1000000 dotnet test tests/Lighter.Client.Tests --filter Category=Fuzz</c>.
/// </remarks>
[Trait("Category", "Fuzz")]
public sealed class StreamMessageDecodingFuzzTests
{
    private static readonly string[] Seeds = [FuzzSeeds.Trade, FuzzSeeds.Height, FuzzSeeds.AccountAll, FuzzSeeds.BookUpdate];

    /// <summary>Records, strings and extension-data elements scale with the input: 256 KiB plus 64 bytes per input byte.</summary>
    private static long Bound(int length) => (256 * 1024) + (64L * length);

    [Theory]
    [InlineData("update/trade")]
    [InlineData("update/height")]
    [InlineData("update/account_all")]
    [InlineData("update/order_book")]
    public void Decode_returns_a_record_or_throws_only_JsonException(string type) =>
        FuzzRunner.Run(
            Seeds,
            input =>
            {
                try
                {
                    _ = LighterMessages.Decode(type, input);
                }
                catch (JsonException)
                {
                    // Documented: a frame that does not match its record.
                }
            },
            Bound);

    [Fact]
    public void The_typed_sink_reports_every_undecodable_frame_and_never_throws()
    {
        var sink = new TypedSubscriptionSink<TradeChannelMessage>(LighterChannels.Trade(0), capacity: 4);
        var diagnostics = new CountingDiagnostics();
        FuzzRunner.Run(Seeds, input => sink.OnFrame("update/trade"u8, input, diagnostics), Bound);
        Assert.True(diagnostics.Count > 0);
    }
}
