using System.Text.Json;
using Lighter.Client.Streaming;
using Lighter.Client.Streaming.Messages;
using Lighter.Tests.Fuzz;

namespace Lighter.Client.Tests.Fuzzing;

/// <summary>
/// Fuzzes the generated typed-message decoding (<c>LighterMessages.Decode</c>, which every generated channel decoder
/// calls the same way): a mutated frame decodes, returns null, or throws <see cref="JsonException"/> and nothing else,
/// in bounded time and allocation; the typed subscription sink turns every failure into a diagnostic.
/// </summary>
/// <remarks>CI: <see cref="FuzzHarness.Seeds"/>, 1,125 inputs each. Long mode: see <see cref="FuzzHarness"/>.</remarks>
[Trait("Category", "Fuzz")]
public sealed class StreamMessageDecodingFuzzTests
{
    private static readonly byte[][] Seeds = FuzzHarness.Utf8([FuzzSeeds.Trade, FuzzSeeds.Height, FuzzSeeds.AccountAll, FuzzSeeds.BookUpdate]);

    /// <summary>Records, strings and extension-data elements scale with the input: 256 KiB plus 64 bytes per input byte.</summary>
    private const long MaxBytes = 256 * 1024;

    private const long MaxBytesPerInputByte = 64;

    [Theory]
    [InlineData("update/trade")]
    [InlineData("update/height")]
    [InlineData("update/account_all")]
    [InlineData("update/order_book")]
    public Task Decode_returns_a_record_or_throws_only_JsonException(string type) =>
        FuzzHarness.RunAsync(
            "LighterMessages.Decode " + type,
            Seeds,
            FuzzHarness.Iterations(1125),
            input => _ = LighterMessages.Decode(type, input),
            allowed: static ex => ex is JsonException, // documented: a frame that does not match its record
            maxTimePerInput: TimeSpan.FromSeconds(2),
            maxBytes: MaxBytes,
            maxBytesPerInputByte: MaxBytesPerInputByte);

    [Fact]
    public async Task The_typed_sink_reports_every_undecodable_frame_and_never_throws()
    {
        var sink = new TypedSubscriptionSink<TradeChannelMessage>(LighterChannels.Trade(0), capacity: 4);
        var diagnostics = new CountingDiagnostics();
        await FuzzHarness.RunAsync(
            "TypedSubscriptionSink.OnFrame",
            Seeds,
            FuzzHarness.Iterations(1125),
            input => sink.OnFrame("update/trade"u8, input, diagnostics),
            allowed: static _ => false,
            maxTimePerInput: TimeSpan.FromSeconds(2),
            maxBytes: MaxBytes,
            maxBytesPerInputByte: MaxBytesPerInputByte);
        Assert.True(diagnostics.Count > 0);
    }
}
