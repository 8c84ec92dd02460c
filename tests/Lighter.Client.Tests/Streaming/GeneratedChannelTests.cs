using System.Text.Json;
using Lighter.Client.Models;
using Lighter.Client.Streaming;
using Lighter.Client.Streaming.Messages;

namespace Lighter.Client.Tests.Streaming;

/// <summary>The generated channel factories and records, end to end against the scripted server.</summary>
public sealed class GeneratedChannelTests
{
    [Fact]
    public async Task Account_all_decodes_into_generated_records_reusing_the_rest_model_and_keeping_new_fields()
    {
        await using var h = await StreamingHarness.StartAsync();
        await using var sub = await h.Client.SubscribeAsync(LighterChannels.AccountAll(7));
        await h.Server.WaitForSubscribeAsync("account_all/7", connectionId: 0);

        await h.Server.PublishAsync("account_all/7", """
            {"account_id":7,"channel":"account_all:7","funding_histories":[{"change":"-0.012300","discount":"0","funding_id":9,"market_id":1,"position_side":"long","position_size":"2.5","rate":"0.0001","timestamp":1767225600}],"orders":[{"order_index":3,"price":"3024.66","status":"open","brand_new_order_field":true}],"surprise":[1,2],"type":"update/account_all"}
            """);

        await using var reader = sub.ReadAllAsync().GetAsyncEnumerator();
        Assert.True(await reader.MoveNextAsync().AsTask().WaitAsync(TestWait.Guard));
        var update = Assert.IsType<AccountAllUpdate>(reader.Current);
        Assert.Equal(7, update.AccountId);
        var funding = Assert.Single(update.FundingHistories!);
        Assert.IsType<PositionFunding>(funding); // same shape as REST: the REST model is reused
        Assert.Equal(-0.012300m, funding.Change);
        Assert.Equal(PositionFundingPositionSide.Long, funding.PositionSide);
        var order = Assert.Single(update.Orders!);
        Assert.Equal("3024.66", order.Price);
        Assert.True(order.AdditionalProperties!["brand_new_order_field"].GetBoolean());
        Assert.Equal(2, update.AdditionalProperties!["surprise"].GetArrayLength());
    }

    [Fact]
    public async Task Order_book_channel_carries_the_overlay_nonces_and_auth_channels_need_a_token()
    {
        await using var h = await StreamingHarness.StartAsync();
        var book = h.Server.Book(2);
        book.Update([("10", "1")], [("11", "2")]);
        await using var sub = await h.Client.SubscribeAsync(LighterChannels.OrderBook(2));

        await using var reader = sub.ReadAllAsync().GetAsyncEnumerator();
        Assert.True(await reader.MoveNextAsync().AsTask().WaitAsync(TestWait.Guard));
        var snapshot = Assert.IsType<OrderBookSubscribed>(reader.Current);
        Assert.Equal(book.Nonce, snapshot.OrderBook!.Nonce);
        Assert.Equal(book.Offset, snapshot.OrderBook.Offset);
        Assert.Equal("11", snapshot.OrderBook.Asks![0].Price);

        Assert.True(LighterChannels.AccountTx(1).RequiresAuth);
        Assert.False(LighterChannels.Trade(1).RequiresAuth);
        Assert.Equal("market_stats/all", LighterChannels.MarketStatsAll().Address);
        Assert.Equal("candle/3/1h", LighterChannels.Candle(3, "1h").Address);
    }

    [Fact]
    public void Control_frames_decode_by_type_and_unknown_types_give_null()
    {
        Assert.IsType<Connected>(LighterMessages.Decode("connected", """{"type":"connected"}"""u8));
        var error = Assert.IsType<ServerError>(LighterMessages.Decode("error", """{"type":"error","code":30009,"message":"Too Many Websocket Messages"}"""u8));
        Assert.Equal(30009, error.Code);
        Assert.Null(LighterMessages.Decode("update/brand_new_channel", """{"type":"update/brand_new_channel"}"""u8));
        Assert.Equal(LighterChannels.Keys.Count - 1, LighterMessages.Received.Keys.Count(k => k.StartsWith("update/", StringComparison.Ordinal)));
        var subscribe = JsonSerializer.SerializeToElement(new SubscribeRequest { Type = SubscribeRequest.MessageType, Channel = "trade/0" }, LighterStreamJson.Options);
        Assert.Equal("subscribe", subscribe.GetProperty("type").GetString());
        Assert.Equal("trade/0", subscribe.GetProperty("channel").GetString());
        Assert.False(subscribe.TryGetProperty("auth", out _)); // nulls are not written
    }
}
