using System.Net;
using System.Text.Json;

namespace Lighter.Testing.Tests.Wire;

/// <summary>Two accounts trade over REST: price-time priority, positions, order lists, cancels, sub-accounts.</summary>
public sealed class TradingFlowTests
{
    [Fact]
    public async Task A_market_buy_sweeps_the_asks_best_price_first_and_opens_positions()
    {
        await using var f = await SandboxFixture.StartAsync();
        await f.SendTxAsync(14, f.Maker.CreateOrder(market: 0, clientOrderIndex: 1, baseAmount: 5_000, price: 300_000, isAsk: true));
        await f.SendTxAsync(14, f.Maker.CreateOrder(market: 0, clientOrderIndex: 2, baseAmount: 5_000, price: 300_100, isAsk: true));

        // Market order: IOC with a worst acceptable price of 3100.00.
        await f.SendTxAsync(14, f.Taker.CreateOrder(market: 0, clientOrderIndex: 9, baseAmount: 7_000, price: 310_000, isAsk: false,
            type: 1, timeInForce: 0));

        var trades = (await f.GetAsync("api/v1/recentTrades?market_id=0&limit=10")).GetProperty("trades").EnumerateArray()
            .Select(t => (t.GetProperty("price").GetString(), t.GetProperty("size").GetString(), t.GetProperty("is_maker_ask").GetBoolean()))
            .ToList();
        Assert.Equal([("3001.00", "0.2000", true), ("3000.00", "0.5000", true)], trades);

        var taker = Account(await f.GetAsync($"api/v1/account?by=index&value={f.Taker.AccountIndex}"));
        var position = Assert.Single(taker.GetProperty("positions").EnumerateArray());
        Assert.Equal((1, "0.7000", "3000.28"), (position.GetProperty("sign").GetInt32(), position.GetProperty("position").GetString(),
            position.GetProperty("avg_entry_price").GetString()));
        var maker = Account(await f.GetAsync($"api/v1/account?by=index&value={f.Maker.AccountIndex}"));
        Assert.Equal((-1, "0.7000"), (maker.GetProperty("positions")[0].GetProperty("sign").GetInt32(),
            maker.GetProperty("positions")[0].GetProperty("position").GetString()));

        var book = await f.GetAsync("api/v1/orderBookOrders?market_id=0&limit=10");
        var rest = Assert.Single(book.GetProperty("asks").EnumerateArray());
        Assert.Equal(("3001.00", "0.3000"), (rest.GetProperty("price").GetString(), rest.GetProperty("remaining_base_amount").GetString()));
        Assert.Equal(0, book.GetProperty("total_bids").GetInt64());
    }

    [Fact]
    public async Task Cancelling_by_client_order_index_moves_the_order_to_the_inactive_list()
    {
        await using var f = await SandboxFixture.StartAsync();
        await f.SendTxAsync(14, f.Maker.CreateOrder(market: 0, clientOrderIndex: 77, baseAmount: 10_000, price: 250_000, isAsk: false));
        var auth = f.Maker.AuthToken(TimeSpan.FromMinutes(10));
        var active = await f.GetAsync($"api/v1/accountActiveOrders?account_index={f.Maker.AccountIndex}&market_id=0", auth);
        Assert.Equal(77, Assert.Single(active.GetProperty("orders").EnumerateArray()).GetProperty("client_order_index").GetInt64());

        await f.SendTxAsync(15, f.Maker.CancelOrder(market: 0, index: 77));

        Assert.Empty((await f.GetAsync($"api/v1/accountActiveOrders?account_index={f.Maker.AccountIndex}", auth)).GetProperty("orders").EnumerateArray());
        var inactive = await f.GetAsync($"api/v1/accountInactiveOrders?account_index={f.Maker.AccountIndex}&limit=10", auth);
        Assert.Equal("canceled", Assert.Single(inactive.GetProperty("orders").EnumerateArray()).GetProperty("status").GetString());
        Assert.Empty((await f.GetAsync("api/v1/orderBookOrders?market_id=0&limit=10")).GetProperty("bids").EnumerateArray());
    }

    [Fact]
    public async Task A_modified_order_that_now_crosses_trades_and_cancel_all_empties_the_book()
    {
        await using var f = await SandboxFixture.StartAsync();
        await f.SendTxAsync(14, f.Maker.CreateOrder(market: 0, clientOrderIndex: 1, baseAmount: 5_000, price: 300_000, isAsk: true));
        await f.SendTxAsync(14, f.Maker.CreateOrder(market: 0, clientOrderIndex: 2, baseAmount: 5_000, price: 305_000, isAsk: true));
        await f.SendTxAsync(14, f.Taker.CreateOrder(market: 0, clientOrderIndex: 8, baseAmount: 3_000, price: 290_000, isAsk: false));

        await f.SendTxAsync(17, f.Taker.ModifyOrder(market: 0, index: 8, baseAmount: 3_000, price: 300_000));
        await f.SendTxAsync(16, f.Maker.CancelAll());

        var trade = Assert.Single((await f.GetAsync("api/v1/recentTrades?market_id=0&limit=10")).GetProperty("trades").EnumerateArray());
        Assert.Equal(("3000.00", "0.3000"), (trade.GetProperty("price").GetString(), trade.GetProperty("size").GetString()));
        var book = await f.GetAsync("api/v1/orderBookOrders?market_id=0&limit=10");
        Assert.Equal((0L, 0L), (book.GetProperty("total_asks").GetInt64(), book.GetProperty("total_bids").GetInt64()));
    }

    [Fact]
    public async Task A_post_only_order_that_would_trade_is_cancelled_and_a_second_cancel_is_rejected()
    {
        await using var f = await SandboxFixture.StartAsync();
        await f.SendTxAsync(14, f.Maker.CreateOrder(market: 0, clientOrderIndex: 1, baseAmount: 5_000, price: 300_000, isAsk: true));

        await f.SendTxAsync(14, f.Taker.CreateOrder(market: 0, clientOrderIndex: 5, baseAmount: 5_000, price: 300_000, isAsk: false, timeInForce: 2));
        var error = await f.SendTxAsync(15, f.Taker.CancelOrder(market: 0, index: 5), HttpStatusCode.BadRequest);

        Assert.Equal(21600, error.GetProperty("code").GetInt32());
        Assert.Empty((await f.GetAsync("api/v1/recentTrades?market_id=0&limit=10")).GetProperty("trades").EnumerateArray());
    }

    [Theory]
    [InlineData(10, 300_000, 21706)] // 0.0010 ETH is below the 0.0050 minimum
    [InlineData(1_000_000_000, 300_000, 21739)] // 100 000 ETH needs more margin than the account has
    public async Task Orders_outside_the_market_rules_are_rejected_without_consuming_the_nonce(long baseAmount, long price, int code)
    {
        await using var f = await SandboxFixture.StartAsync();

        var error = await f.SendTxAsync(14, f.Taker.CreateOrder(market: 0, clientOrderIndex: 1, baseAmount, price, isAsk: false),
            HttpStatusCode.BadRequest);

        Assert.Equal(code, error.GetProperty("code").GetInt32());
        Assert.Equal(0, f.Sandbox.GetNextNonce(f.Taker.AccountIndex, 2));
    }

    [Fact]
    public async Task A_reused_client_order_index_is_rejected_while_the_first_order_is_open()
    {
        await using var f = await SandboxFixture.StartAsync();
        await f.SendTxAsync(14, f.Maker.CreateOrder(market: 1, clientOrderIndex: 3, baseAmount: 100_000, price: 600_000, isAsk: true));

        var error = await f.SendTxAsync(14, f.Maker.CreateOrder(market: 1, clientOrderIndex: 3, baseAmount: 100_000, price: 600_100, isAsk: true),
            HttpStatusCode.BadRequest);

        Assert.Equal(21728, error.GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_batch_executes_in_nonce_order_and_a_gap_in_its_nonces_is_rejected()
    {
        await using var f = await SandboxFixture.StartAsync();
        var first = f.Maker.CreateOrder(market: 0, clientOrderIndex: 1, baseAmount: 5_000, price: 290_000, isAsk: false);
        var second = f.Maker.CreateOrder(market: 0, clientOrderIndex: 2, baseAmount: 5_000, price: 289_000, isAsk: false);
        f.Maker.Nonce += LighterSandboxOptions.DefaultNonceWindow; // beyond the exchange's out-of-order window
        var gap = f.Maker.CreateOrder(market: 0, clientOrderIndex: 3, baseAmount: 5_000, price: 288_000, isAsk: false);

        var ok = await SendBatchAsync(f, [first, second], HttpStatusCode.OK);
        var rejected = await SendBatchAsync(f, [gap, gap], HttpStatusCode.BadRequest);

        Assert.Equal(2, ok.GetProperty("tx_hash").GetArrayLength());
        Assert.Equal(21104, rejected.GetProperty("code").GetInt32());
        Assert.Equal(2, (await f.GetAsync("api/v1/orderBookOrders?market_id=0&limit=10")).GetProperty("total_bids").GetInt64());
    }

    [Fact]
    public async Task Nonces_arriving_out_of_order_within_the_window_are_accepted_and_next_nonce_waits_for_the_gap()
    {
        await using var f = await SandboxFixture.StartAsync();
        var start = f.Maker.Nonce;
        var first = f.Maker.CreateOrder(market: 0, clientOrderIndex: 1, baseAmount: 5_000, price: 290_000, isAsk: false);
        var second = f.Maker.CreateOrder(market: 0, clientOrderIndex: 2, baseAmount: 5_000, price: 289_000, isAsk: false);

        await f.SendTxAsync(14, second); // overtakes the first, as concurrent requests can
        Assert.Equal(start, f.Sandbox.GetNextNonce(f.Maker.AccountIndex, f.Maker.ApiKeyIndex));
        await f.SendTxAsync(14, first);

        Assert.Equal(start + 2, f.Sandbox.GetNextNonce(f.Maker.AccountIndex, f.Maker.ApiKeyIndex));
        Assert.Equal(2, (await f.GetAsync("api/v1/orderBookOrders?market_id=0&limit=10")).GetProperty("total_bids").GetInt64());
        var replay = await f.SendTxAsync(14, second, HttpStatusCode.BadRequest);
        Assert.Equal(21104, replay.GetProperty("code").GetInt32()); // a nonce used out of order stays used
    }

    [Fact]
    public async Task A_transaction_is_found_by_hash_with_its_info()
    {
        await using var f = await SandboxFixture.StartAsync();
        var info = f.Maker.CreateOrder(market: 0, clientOrderIndex: 1, baseAmount: 5_000, price: 290_000, isAsk: false);
        var hash = (await f.SendTxAsync(14, info)).GetProperty("tx_hash").GetString();

        var tx = await f.GetAsync($"api/v1/tx?by=hash&value={hash}");

        Assert.Equal((14, info, 2, 1L), (tx.GetProperty("type").GetInt32(), tx.GetProperty("info").GetString(), tx.GetProperty("status").GetInt32(),
            tx.GetProperty("block_height").GetInt64()));
        Assert.Equal(hash, (await f.GetAsync($"api/v1/accountTxs?by=account_index&value={f.Maker.AccountIndex}&limit=5")).GetProperty("txs")[0]
            .GetProperty("hash").GetString());
    }

    [Fact]
    public async Task Sub_accounts_share_the_l1_address_and_withdrawals_reduce_collateral()
    {
        await using var f = await SandboxFixture.StartAsync();
        await f.SendTxAsync(9, f.Maker.CreateSubAccount());
        var helperSub = f.Sandbox.CreateSubAccount(f.Maker.AccountIndex, usdc: 5m);

        await f.SendTxAsync(13, f.Maker.Withdraw(usdcMicros: 2_500_000_000));
        var tooMuch = await f.SendTxAsync(13, f.Maker.Withdraw(usdcMicros: 1_000_000_000_000), HttpStatusCode.BadRequest);

        var l1 = Account(await f.GetAsync($"api/v1/account?by=index&value={f.Maker.AccountIndex}")).GetProperty("l1_address").GetString();
        var subs = (await f.GetAsync($"api/v1/accountsByL1Address?l1_address={l1}")).GetProperty("sub_accounts").EnumerateArray()
            .Select(a => (a.GetProperty("index").GetInt64(), a.GetProperty("account_type").GetInt32())).ToList();
        Assert.Equal([(f.Maker.AccountIndex, 0), (1L << 47, 1), (helperSub.Index, 1)], subs);
        Assert.Equal("97500.000000", Account(await f.GetAsync($"api/v1/account?by=index&value={f.Maker.AccountIndex}")).GetProperty("collateral").GetString());
        Assert.Equal(21301, tooMuch.GetProperty("code").GetInt32());
    }

    private static async Task<JsonElement> SendBatchAsync(SandboxFixture f, string[] infos, HttpStatusCode expected)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["tx_types"] = JsonSerializer.Serialize(infos.Select(_ => 14)),
            ["tx_infos"] = JsonSerializer.Serialize(infos),
        });
        using var response = await f.Http.PostAsync("api/v1/sendTxBatch", form);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static JsonElement Account(JsonElement body) => Assert.Single(body.GetProperty("accounts").EnumerateArray());
}
