using System.Text.Json;
using System.Text.Json.Serialization;
using Lighter.Client.Streaming;

namespace Lighter.Client.Tests.Streaming;

public sealed class TypedSubscriptionTests
{
    [Fact]
    public async Task Typed_messages_keep_undeclared_fields_and_unknown_types_are_reported_not_delivered()
    {
        await using var h = await StreamingHarness.StartAsync();
        var channel = new ChannelSubscription<TradeFrame>(
            "trade/5",
            requiresAuth: false,
            (type, json) => type == "update/trade" ? JsonSerializer.Deserialize<TradeFrame>(json, LighterStreamJson.Options) : null);
        await using var sub = await h.Client.SubscribeAsync(channel);
        await h.Server.WaitForSubscribeAsync("trade/5", connectionId: 0);
        var unknown = TestWait.ForDiagnosticAsync(h.Client, d => d.Kind == StreamDiagnosticKind.UnknownMessageType && d.Channel == "trade/5");

        await h.Server.PublishAsync("trade/5", """{"channel":"trade:5","type":"update/trade_v9"}""");
        await h.Server.PublishAsync("trade/5", """{"channel":"trade:5","new_field":{"x":1},"timestamp":"1767225600000","type":"update/trade"}""");

        await unknown;
        await using var reader = sub.ReadAllAsync().GetAsyncEnumerator();
        Assert.True(await reader.MoveNextAsync().AsTask().WaitAsync(TestWait.Guard));
        var message = reader.Current;
        Assert.Equal("update/trade", message.Type);
        Assert.Equal("trade:5", message.Channel);
        Assert.Equal(1767225600000, message.Timestamp); // quoted numbers are accepted
        Assert.Equal(1, message.AdditionalProperties!["new_field"].GetProperty("x").GetInt32());
    }

    [Fact]
    public async Task A_slow_consumer_loses_the_oldest_messages_and_is_told_so()
    {
        await using var h = await StreamingHarness.StartAsync(o => o.SubscriptionBufferCapacity = 2);
        await using var sub = await h.Client.SubscribeAsync(RawStreamMessage.Channel("height"));
        await h.Server.WaitForSubscribeAsync("height", connectionId: 0);
        var overflow = TestWait.ForDiagnosticAsync(h.Client, d => d.Kind == StreamDiagnosticKind.BufferOverflow);

        for (var height = 1; height <= 3; height++)
        {
            await h.Server.PublishAsync("height", $$"""{"channel":"height","height":{{height}},"type":"update/height"}""");
        }

        await overflow;
        var received = new List<string>();
        await foreach (var message in sub.ReadAllAsync())
        {
            received.Add(message.Json);
            if (received.Count == 2)
            {
                break;
            }
        }

        Assert.Contains("\"height\":2", received[0], StringComparison.Ordinal);
        Assert.Contains("\"height\":3", received[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_arrive_in_order_and_cancelling_the_reader_ends_the_sequence()
    {
        await using var h = await StreamingHarness.StartAsync();
        await using var sub = await h.Client.SubscribeAsync(RawStreamMessage.Channel("height"));
        await h.Server.WaitForSubscribeAsync("height", connectionId: 0);
        for (var height = 1; height <= 20; height++)
        {
            await h.Server.PublishAsync("height", $$"""{"channel":"height","height":{{height}},"type":"update/height"}""");
        }

        using var stop = new CancellationTokenSource();
        var heights = new List<int>();
        var reading = Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var message in sub.ReadAllAsync(stop.Token))
            {
                heights.Add(System.Text.Json.JsonDocument.Parse(message.Json).RootElement.GetProperty("height").GetInt32());
                if (heights.Count == 20)
                {
                    await stop.CancelAsync();   // the next wait for a message sees the cancellation
                }
            }
        });

        await reading.WaitAsync(TestWait.Guard);
        Assert.Equal(Enumerable.Range(1, 20), heights);
    }

    public sealed record TradeFrame : LighterStreamMessage
    {
        [JsonPropertyName("channel")]
        public string? Channel { get; init; }

        [JsonPropertyName("timestamp")]
        public long? Timestamp { get; init; }
    }
}
