using Lighter.Client.Streaming;
using Lighter.Client.Tests.Streaming;
using Lighter.Client.Tracking;

namespace Lighter.Client.Tests.Tracking;

/// <summary>The trackers' stream reader: messages dropped because it fell behind are a gap it reports before going on.</summary>
public sealed class StreamPumpTests
{
    [Fact]
    public async Task Dropped_messages_run_the_gap_handler_once_before_the_next_message()
    {
        await using var h = await StreamingHarness.StartAsync(o => o.SubscriptionBufferCapacity = 2);
        var sub = await h.Client.SubscribeAsync(RawStreamMessage.Channel("height"));
        await h.Server.WaitForSubscribeAsync("height", connectionId: 0);
        var events = new List<string>();
        using var firstTaken = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        var handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await using var pump = new StreamPump<RawStreamMessage>(sub, async (message, ct) =>
        {
            lock (events) events.Add(Height(message));
            if (events.Count == 1)
            {
                firstTaken.Release();
                await release.WaitAsync(ct); // a slow handler: the buffer overflows meanwhile
            }

            if (Height(message) == "6") handled.TrySetResult();
        }, ex => handled.TrySetException(ex), onGap: _ =>
        {
            lock (events) events.Add("gap");
            return Task.CompletedTask;
        });

        await h.Server.PublishAsync("height", Frame(1));
        await firstTaken.WaitAsync(TestWait.Guard);
        var drops = 0;
        var thirdDrop = TestWait.ForDiagnosticAsync(h.Client, d => d.Kind == StreamDiagnosticKind.BufferOverflow && Interlocked.Increment(ref drops) == 3);
        for (var height = 2; height <= 6; height++) await h.Server.PublishAsync("height", Frame(height));
        await thirdDrop;
        release.Release();
        await handled.Task.WaitAsync(TestWait.Guard);

        Assert.Equal(["1", "gap", "5", "6"], events); // 2, 3 and 4 were dropped; the gap is handled before 5
        Assert.Equal(3, sub.DroppedMessages);
    }

    private static string Frame(int height) => $$"""{"channel":"height","height":{{height}},"type":"update/height"}""";

    private static string Height(RawStreamMessage message) =>
        System.Text.Json.JsonDocument.Parse(message.Json).RootElement.GetProperty("height").GetRawText();
}
