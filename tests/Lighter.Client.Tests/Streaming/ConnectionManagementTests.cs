using System.Text.Json;
using Lighter.Client.Streaming;

namespace Lighter.Client.Tests.Streaming;

public sealed class ConnectionManagementTests
{
    [Fact]
    public async Task Subscriptions_beyond_the_per_connection_limit_open_another_connection()
    {
        await using var h = await StreamingHarness.StartAsync(o => o.MaxSubscriptionsPerConnection = 2);
        await using var a = await h.Client.SubscribeAsync(RawStreamMessage.Channel("trade/0"));
        await using var b = await h.Client.SubscribeAsync(RawStreamMessage.Channel("trade/1"));
        await using var c = await h.Client.SubscribeAsync(RawStreamMessage.Channel("trade/2"));

        // The two sockets connect concurrently, so the server may number them in either order.
        var frames = new Dictionary<string, (int Connection, JsonElement Frame)>();
        foreach (var channel in new[] { "trade/0", "trade/1", "trade/2" })
        {
            var connection = -1;
            var frame = await h.Server.WaitForFrameAsync((conn, f) =>
            {
                var match = ScriptedLighterServer.Type(f) == "subscribe" && f.GetProperty("channel").GetString() == channel;
                connection = match ? conn.Id : connection;
                return match;
            });
            frames[channel] = (connection, frame);
        }

        Assert.Equal(2, h.Client.ConnectionCount);
        Assert.Equal(frames["trade/0"].Connection, frames["trade/1"].Connection);
        Assert.NotEqual(frames["trade/0"].Connection, frames["trade/2"].Connection);
        Assert.False(frames["trade/2"].Frame.TryGetProperty("auth", out _)); // public channel: no token sent
    }

    [Fact]
    public async Task Auth_channels_carry_a_token_and_get_a_fresh_one_after_the_old_one_nears_expiry()
    {
        var issued = 0;
        Func<DateTimeOffset> now = () => throw new InvalidOperationException("clock not wired");
        var provider = new DelegateAuthTokenProvider(_ =>
        {
            issued++;
            return ValueTask.FromResult(FakeAuthTokens.Issue(issued, now() + TimeSpan.FromMinutes(10)));
        });
        await using var h = await StreamingHarness.StartAsync(
            o =>
            {
                o.KeepAliveInterval = TimeSpan.FromHours(1); // keep the keepalive out of this test's clock jumps
                o.DeadConnectionTimeout = TimeSpan.FromHours(2);
            },
            provider);
        now = h.Time.GetUtcNow;

        await using var sub = await h.Client.SubscribeAsync(RawStreamMessage.Channel("account_tx/42", requiresAuth: true));
        var first = await h.Server.WaitForSubscribeAsync("account_tx/42", connectionId: 0);
        Assert.True(FakeAuthTokens.IsSerial(first.GetProperty("auth").GetString(), 1));

        h.Time.Advance(TimeSpan.FromMinutes(9.5)); // Inside the 60 s refresh margin now.
        h.Server.AbortAll();
        var second = await h.Server.WaitForSubscribeAsync("account_tx/42", connectionId: 1);
        Assert.True(FakeAuthTokens.IsSerial(second.GetProperty("auth").GetString(), 2));
    }

    [Fact]
    public async Task Auth_subscriptions_are_renewed_in_place_before_the_token_expires()
    {
        var issued = 0;
        Func<DateTimeOffset> now = () => throw new InvalidOperationException("clock not wired");
        var provider = new DelegateAuthTokenProvider(_ => ValueTask.FromResult(FakeAuthTokens.Issue(++issued, now() + TimeSpan.FromMinutes(10))));
        await using var h = await StreamingHarness.StartAsync(
            o =>
            {
                o.KeepAliveInterval = TimeSpan.FromHours(1);
                o.DeadConnectionTimeout = TimeSpan.FromHours(2);
            },
            provider);
        now = h.Time.GetUtcNow;
        await using var priv = await h.Client.SubscribeAsync(RawStreamMessage.Channel("account_orders/0/42", requiresAuth: true));
        await using var pub = await h.Client.SubscribeAsync(RawStreamMessage.Channel("trade/0"));
        Assert.True(FakeAuthTokens.IsSerial((await h.Server.WaitForSubscribeAsync("account_orders/0/42", connectionId: 0)).GetProperty("auth").GetString(), 1));
        await h.Server.WaitForSubscribeAsync("trade/0", connectionId: 0);

        h.Time.Advance(TimeSpan.FromMinutes(8.9));
        Assert.Equal(1, issued);
        h.Time.Advance(TimeSpan.FromMinutes(0.1)); // 60 s before expiry: renew.

        var renewed = await h.Server.WaitForFrameAsync((c, f) => c.Id == 0 && ScriptedLighterServer.Type(f) == "subscribe" && f.TryGetProperty("auth", out var a) && FakeAuthTokens.IsSerial(a.GetString(), 2));
        Assert.Equal("account_orders/0/42", renewed.GetProperty("channel").GetString());
        await h.Server.WaitForFrameAsync((c, f) => c.Id == 0 && ScriptedLighterServer.Type(f) == "unsubscribe" && f.GetProperty("channel").GetString() == "account_orders/0/42");
        Assert.Single(h.Server.Connections); // no reconnect needed
        Assert.Equal(1, h.Server.Connections[0].Channels.Count(c => c == "trade/0")); // public channels untouched
    }

    [Fact]
    public async Task Auth_channels_without_a_token_provider_are_refused_up_front()
    {
        await using var client = new LighterWebSocketClient(new LighterWebSocketOptions { Uri = new Uri("ws://127.0.0.1:9/stream") });
        var error = await Assert.ThrowsAsync<LighterConfigurationException>(() => client.SubscribeAsync(RawStreamMessage.Channel("account_tx/1", requiresAuth: true)));
        Assert.Contains("account_tx/1", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, client.ConnectionCount);
    }

    [Fact]
    public async Task Server_pings_are_answered_with_pong()
    {
        await using var h = await StreamingHarness.StartAsync();
        await h.Client.ConnectAsync().WaitAsync(TestWait.Guard);
        await h.Server.SendToAllAsync("""{"type":"ping"}""");
        await h.Server.WaitForFrameAsync((c, f) => ScriptedLighterServer.Type(f) == "pong");
    }

    [Fact]
    public async Task Disposing_a_subscription_unsubscribes_and_ends_its_stream()
    {
        await using var h = await StreamingHarness.StartAsync();
        var sub = await h.Client.SubscribeAsync(RawStreamMessage.Channel("height"));
        await h.Server.WaitForSubscribeAsync("height", connectionId: 0);
        await sub.DisposeAsync();
        await h.Server.WaitForFrameAsync((c, f) => ScriptedLighterServer.Type(f) == "unsubscribe" && f.GetProperty("channel").GetString() == "height");
        await foreach (var unexpected in sub.ReadAllAsync().WithCancellation(new CancellationTokenSource(TestWait.Guard).Token))
        {
            Assert.Fail("no message expected after dispose: " + unexpected);
        }
    }
}
