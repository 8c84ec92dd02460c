using System.Net.WebSockets;
using System.Text.Json;

namespace Lighter.Testing.Tests.Wire;

/// <summary>The <c>/stream</c> protocol: connected, subscribe, snapshots and updates, ping, errors, sendtx, faults.</summary>
public sealed class WebSocketTests
{
    [Fact]
    public async Task The_order_book_stream_is_a_snapshot_then_deltas_chained_by_nonce()
    {
        await using var f = await SandboxFixture.StartAsync();
        await f.SendTxAsync(14, f.Maker.CreateOrder(market: 0, clientOrderIndex: 1, baseAmount: 5_000, price: 300_000, isAsk: true));
        await using var ws = await ConnectAsync(f);

        await ws.SendAsync("""{"type":"subscribe","channel":"order_book/0"}""");
        var snapshot = await ws.ReceiveTypeAsync("subscribed/order_book");
        await f.SendTxAsync(14, f.Maker.CreateOrder(market: 0, clientOrderIndex: 2, baseAmount: 2_500, price: 300_000, isAsk: true));
        var update = await ws.ReceiveTypeAsync("update/order_book");
        await f.SendTxAsync(14, f.Taker.CreateOrder(market: 0, clientOrderIndex: 3, baseAmount: 7_500, price: 300_000, isAsk: false, timeInForce: 0));
        var filled = await ws.ReceiveTypeAsync("update/order_book");

        Assert.Equal("order_book:0", snapshot.GetProperty("channel").GetString());
        Assert.Equal([("3000.00", "0.5000")], Levels(snapshot, "asks"));
        Assert.Equal([("3000.00", "0.7500")], Levels(update, "asks"));
        Assert.Equal([("3000.00", "0.0000")], Levels(filled, "asks"));
        Assert.Equal(Book(snapshot).GetProperty("nonce").GetInt64(), Book(update).GetProperty("begin_nonce").GetInt64());
        Assert.Equal(Book(update).GetProperty("nonce").GetInt64(), Book(filled).GetProperty("begin_nonce").GetInt64());
        Assert.True(Book(filled).GetProperty("offset").GetInt64() > Book(update).GetProperty("offset").GetInt64());
    }

    [Fact]
    public async Task A_skipped_update_leaves_a_nonce_gap()
    {
        await using var f = await SandboxFixture.StartAsync();
        await using var ws = await ConnectAsync(f);
        await ws.SendAsync("""{"type":"subscribe","channel":"order_book/0"}""");
        var snapshot = await ws.ReceiveTypeAsync("subscribed/order_book");

        f.Sandbox.Faults.SkipOrderBookUpdates(marketId: 0);
        await f.SendTxAsync(14, f.Maker.CreateOrder(market: 0, clientOrderIndex: 1, baseAmount: 5_000, price: 300_000, isAsk: true));
        await f.SendTxAsync(14, f.Maker.CreateOrder(market: 0, clientOrderIndex: 2, baseAmount: 5_000, price: 300_100, isAsk: true));
        var next = await ws.ReceiveTypeAsync("update/order_book");

        Assert.NotEqual(Book(snapshot).GetProperty("nonce").GetInt64(), Book(next).GetProperty("begin_nonce").GetInt64());
        Assert.Equal([("3001.00", "0.5000")], Levels(next, "asks"));
    }

    [Fact]
    public async Task Trades_and_account_updates_are_streamed_to_subscribers()
    {
        await using var f = await SandboxFixture.StartAsync();
        await using var ws = await ConnectAsync(f);
        await ws.SendAsync("""{"type":"subscribe","channel":"trade/0"}""");
        await ws.ReceiveTypeAsync("subscribed/trade");
        await ws.SendAsync($$"""{"type":"subscribe","channel":"account_all/{{f.Taker.AccountIndex}}"}""");
        var initial = await ws.ReceiveTypeAsync("subscribed/account_all");
        await f.SendTxAsync(14, f.Maker.CreateOrder(market: 0, clientOrderIndex: 1, baseAmount: 5_000, price: 300_000, isAsk: true));

        await f.SendTxAsync(14, f.Taker.CreateOrder(market: 0, clientOrderIndex: 2, baseAmount: 2_000, price: 301_000, isAsk: false, type: 1, timeInForce: 0));
        var trade = await ws.ReceiveTypeAsync("update/trade");
        var account = await ws.ReceiveTypeAsync("update/account_all");

        Assert.Empty(initial.GetProperty("positions").EnumerateArray());
        var t = Assert.Single(trade.GetProperty("trades").EnumerateArray());
        Assert.Equal(("3000.00", "0.2000", f.Taker.AccountIndex), (t.GetProperty("price").GetString(), t.GetProperty("size").GetString(),
            t.GetProperty("bid_account_id").GetInt64()));
        Assert.Equal($"account_all:{f.Taker.AccountIndex}", account.GetProperty("channel").GetString());
        Assert.Equal("0.2000", Assert.Single(account.GetProperty("positions").EnumerateArray()).GetProperty("position").GetString());
        Assert.Single(account.GetProperty("trades").EnumerateArray());
        Assert.Equal("filled", Assert.Single(account.GetProperty("orders").EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Height_and_account_orders_follow_each_transaction()
    {
        await using var f = await SandboxFixture.StartAsync();
        await using var ws = await ConnectAsync(f);
        await ws.SendAsync("""{"type":"subscribe","channel":"height"}""");
        Assert.Equal(0, (await ws.ReceiveTypeAsync("subscribed/height")).GetProperty("height").GetInt64());
        var auth = f.Maker.AuthToken(TimeSpan.FromMinutes(10));
        await ws.SendAsync($$"""{"type":"subscribe","channel":"account_orders/0/{{f.Maker.AccountIndex}}","auth":"{{auth}}"}""");
        await ws.ReceiveTypeAsync("subscribed/account_orders");

        await f.SendTxAsync(14, f.Maker.CreateOrder(market: 0, clientOrderIndex: 4, baseAmount: 5_000, price: 300_000, isAsk: true));

        // The order changes are published while the transaction executes, the new block right after it.
        var orders = await ws.ReceiveTypeAsync("update/account_orders");
        Assert.Equal(4, Assert.Single(orders.GetProperty("orders").EnumerateArray()).GetProperty("client_order_index").GetInt64());
        Assert.Equal(1, (await ws.ReceiveTypeAsync("update/height")).GetProperty("height").GetInt64());
    }

    [Theory]
    [InlineData("""{"type":"subscribe","channel":"nope/1"}""", 30005)]
    [InlineData("""{"type":"subscribe","channel":"order_book/99"}""", 30012)]
    [InlineData("""{"type":"subscribe","channel":"account_orders/0/1"}""", 30012)]
    [InlineData("""{"type":"unsubscribe","channel":"trade/0"}""", 30002)]
    [InlineData("""{"type":"dance"}""", 30001)]
    [InlineData("""not json""", 30000)]
    public async Task Bad_frames_get_an_error_frame_with_the_exchange_code(string frame, int code)
    {
        await using var f = await SandboxFixture.StartAsync();
        await using var ws = await ConnectAsync(f);

        await ws.SendAsync(frame);
        var error = await ws.ReceiveTypeAsync("error");

        Assert.Equal(code, error.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Ping_gets_pong_and_a_second_subscribe_is_refused()
    {
        await using var f = await SandboxFixture.StartAsync();
        await using var ws = await ConnectAsync(f);

        await ws.SendAsync("""{"type":"ping"}""");
        await ws.ReceiveTypeAsync("pong");
        await ws.SendAsync("""{"type":"subscribe","channel":"height"}""");
        await ws.SendAsync("""{"type":"subscribe","channel":"height"}""");

        Assert.Equal(30003, (await ws.ReceiveTypeAsync("error")).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Transactions_sent_over_the_socket_are_answered_with_the_request_id()
    {
        await using var f = await SandboxFixture.StartAsync();
        await using var ws = await ConnectAsync(f);
        var info = f.Maker.CreateOrder(market: 0, clientOrderIndex: 1, baseAmount: 5_000, price: 300_000, isAsk: true);

        // tx_info as an embedded object, as the Python example sends it; then the same tx again (nonce reused).
        await ws.SendAsync($$$"""{"type":"jsonapi/sendtx","data":{"id":"a1","tx_type":14,"tx_info":{{{info}}}}}""");
        var accepted = await ws.ReceiveTypeAsync("jsonapi/sendtx");
        await ws.SendAsync(JsonSerializer.Serialize(new { type = "jsonapi/sendtx", data = new { id = "a2", tx_type = 14, tx_info = info } }));
        var rejected = await ws.ReceiveTypeAsync("jsonapi/sendtx");

        Assert.Equal(("a1", 200), (accepted.GetProperty("id").GetString(), accepted.GetProperty("code").GetInt32()));
        Assert.Equal(80, accepted.GetProperty("tx_hash").GetString()!.Length);
        Assert.Equal(("a2", 21104), (rejected.GetProperty("id").GetString(), rejected.GetProperty("code").GetInt32()));
    }

    [Fact]
    public async Task A_batch_over_the_socket_returns_every_hash()
    {
        await using var f = await SandboxFixture.StartAsync();
        await using var ws = await ConnectAsync(f);
        string[] infos =
        [
            f.Maker.CreateOrder(market: 0, clientOrderIndex: 1, baseAmount: 5_000, price: 300_000, isAsk: true),
            f.Maker.CreateOrder(market: 0, clientOrderIndex: 2, baseAmount: 5_000, price: 300_100, isAsk: true),
        ];

        await ws.SendAsync(JsonSerializer.Serialize(new
        {
            type = "jsonapi/sendtxbatch",
            data = new { id = "b", tx_types = "[14,14]", tx_infos = JsonSerializer.Serialize(infos) },
        }));
        var response = await ws.ReceiveTypeAsync("jsonapi/sendtxbatch");

        Assert.Equal(2, response.GetProperty("tx_hashes").GetArrayLength());
    }

    [Fact]
    public async Task Dropping_the_sockets_ends_every_connection()
    {
        await using var f = await SandboxFixture.StartAsync();
        await using var ws = await ConnectAsync(f);

        f.Sandbox.Faults.DropWebSockets();

        await Assert.ThrowsAnyAsync<WebSocketException>(ws.ReceiveAsync);
    }

    [Fact]
    public async Task With_an_idle_timeout_a_silent_client_is_dropped_and_a_pinging_one_is_not()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        await using var sandbox = await LighterSandbox.StartAsync(new LighterSandboxOptions
        {
            TimeProvider = clock,
            WebSocketIdleTimeout = TimeSpan.FromMinutes(2),
        });
        await using var silent = await WsTestClient.ConnectAsync(sandbox.WebSocketUri);
        await using var talker = await WsTestClient.ConnectAsync(sandbox.WebSocketUri);
        await silent.ReceiveAsync();
        await talker.ReceiveAsync();

        clock.Advance(TimeSpan.FromSeconds(90));
        await talker.SendAsync("""{"type":"ping"}""");
        await talker.ReceiveTypeAsync("pong");
        clock.Advance(TimeSpan.FromSeconds(40));

        await Assert.ThrowsAnyAsync<WebSocketException>(silent.ReceiveAsync);
        await talker.SendAsync("""{"type":"ping"}""");
        await talker.ReceiveTypeAsync("pong");
    }

    private static async Task<WsTestClient> ConnectAsync(SandboxFixture f)
    {
        var ws = await WsTestClient.ConnectAsync(f.Sandbox.WebSocketUri);
        Assert.Equal("connected", (await ws.ReceiveAsync()).GetProperty("type").GetString());
        return ws;
    }

    private static JsonElement Book(JsonElement message) => message.GetProperty("order_book");

    private static List<(string?, string?)> Levels(JsonElement message, string side) =>
        Book(message).GetProperty(side).EnumerateArray().Select(l => (l.GetProperty("price").GetString(), l.GetProperty("size").GetString())).ToList();
}
