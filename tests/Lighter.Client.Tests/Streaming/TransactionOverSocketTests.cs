using System.Text.Json;
using Lighter.Client.Streaming;

namespace Lighter.Client.Tests.Streaming;

public sealed class TransactionOverSocketTests
{
    private const string TxInfo = """{"AccountIndex":7,"Nonce":3,"Sig":"abc"}""";

    [Fact]
    public async Task Sendtx_carries_type_and_tx_info_and_is_answered_by_the_reply_with_its_id()
    {
        await using var h = await StreamingHarness.StartAsync();
        h.Server.TransactionReply = frame =>
        {
            var id = frame.GetProperty("data").GetProperty("id").GetString();
            return $$"""{"code":200,"id":"{{id}}","tx_hash":"0xfeed","type":"jsonapi/sendtx"}""";
        };

        var response = await h.Client.SendTransactionAsync(new TxPayload(14, TxInfo)).WaitAsync(TestWait.Guard);

        var sent = await h.Server.WaitForFrameAsync((c, f) => ScriptedLighterServer.Type(f) == "jsonapi/sendtx");
        Assert.Equal(14, sent.GetProperty("data").GetProperty("tx_type").GetInt32());
        Assert.Equal(TxInfo, sent.GetProperty("data").GetProperty("tx_info").GetRawText()); // the object itself, byte for byte
        Assert.True(response.IsSuccess);
        Assert.Equal(["0xfeed"], response.TxHashes);
        Assert.Equal(sent.GetProperty("data").GetProperty("id").GetString(), response.Id);
    }

    [Fact]
    public async Task Sendtxbatch_double_encodes_the_infos_and_correlates_concurrent_requests()
    {
        await using var h = await StreamingHarness.StartAsync();
        h.Server.TransactionReply = frame =>
        {
            var data = frame.GetProperty("data");
            var id = data.GetProperty("id").GetString();
            var count = data.TryGetProperty("tx_types", out var types) ? JsonSerializer.Deserialize<int[]>(types.GetString()!)!.Length : 1;
            var hashes = string.Join(',', Enumerable.Range(0, count).Select(i => $"\"0x{id}{i}\""));
            return $$"""{"code":200,"id":"{{id}}","tx_hashes":[{{hashes}}],"type":"jsonapi/sendtxbatch"}""";
        };
        var batch = new[] { new TxPayload(14, TxInfo), new TxPayload(15, """{"Nonce":4}""") };

        var first = h.Client.SendTransactionBatchAsync(batch);
        var second = h.Client.SendTransactionAsync(new TxPayload(14, TxInfo));
        var responses = await Task.WhenAll(first, second).WaitAsync(TestWait.Guard);

        var sent = await h.Server.WaitForFrameAsync((c, f) => ScriptedLighterServer.Type(f) == "jsonapi/sendtxbatch");
        var data = sent.GetProperty("data");
        Assert.Equal("[14,15]", data.GetProperty("tx_types").GetString());
        Assert.Equal([TxInfo, """{"Nonce":4}"""], JsonSerializer.Deserialize<string[]>(data.GetProperty("tx_infos").GetString()!)!);
        Assert.Equal(2, responses[0].TxHashes.Count);
        Assert.Single(responses[1].TxHashes);
        Assert.NotEqual(responses[0].Id, responses[1].Id);
    }

    [Fact]
    public async Task A_missing_reply_times_out_on_the_injected_clock()
    {
        await using var h = await StreamingHarness.StartAsync();
        var pending = h.Client.SendTransactionAsync(new TxPayload(14, TxInfo));
        await h.Server.WaitForFrameAsync((c, f) => ScriptedLighterServer.Type(f) == "jsonapi/sendtx");
        Assert.False(pending.IsCompleted);

        h.Time.Advance(h.Options.TransactionTimeout);

        var error = await Assert.ThrowsAsync<LighterConnectionException>(() => pending.WaitAsync(TestWait.Guard));
        Assert.Contains("transaction request", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batches_over_15_and_non_json_tx_infos_are_refused_before_sending()
    {
        await using var h = await StreamingHarness.StartAsync();
        var tooMany = Enumerable.Repeat(new TxPayload(14, TxInfo), 16).ToArray();
        var big = await Assert.ThrowsAsync<ArgumentException>(() => h.Client.SendTransactionBatchAsync(tooMany));
        Assert.Contains("15", big.Message, StringComparison.Ordinal);
        var bad = await Assert.ThrowsAsync<ArgumentException>(() => h.Client.SendTransactionAsync(new TxPayload(14, "signer error: bad key")));
        Assert.Contains("TxInfo", bad.Message, StringComparison.Ordinal);
        var broken = await Assert.ThrowsAsync<ArgumentException>(() => h.Client.SendTransactionAsync(new TxPayload(14, "{\"Nonce\":")));
        Assert.Contains("TxInfo is not valid JSON", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_socket_lost_before_the_reply_fails_the_request_instead_of_hanging()
    {
        await using var h = await StreamingHarness.StartAsync();
        var pending = h.Client.SendTransactionAsync(new TxPayload(14, TxInfo));
        await h.Server.WaitForFrameAsync((c, f) => ScriptedLighterServer.Type(f) == "jsonapi/sendtx");

        h.Server.AbortAll();

        var error = await Assert.ThrowsAsync<LighterConnectionException>(() => pending.WaitAsync(TestWait.Guard));
        Assert.Contains("may or may not have been accepted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_with_its_fields_under_data_and_no_id_answers_the_oldest_open_request()
    {
        await using var h = await StreamingHarness.StartAsync();
        h.Server.TransactionReply = _ => """{"data":{"code":21104,"message":"invalid nonce"},"type":"jsonapi/sendtx"}""";

        var response = await h.Client.SendTransactionAsync(new TxPayload(14, TxInfo)).WaitAsync(TestWait.Guard);

        Assert.False(response.IsSuccess);
        Assert.Equal(21104, response.Code);
        Assert.Equal("invalid nonce", response.Message);
        Assert.Empty(response.TxHashes);
    }
}
