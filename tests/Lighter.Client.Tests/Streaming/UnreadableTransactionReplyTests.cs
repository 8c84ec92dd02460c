using System.Text;
using Lighter.Client.Streaming;

namespace Lighter.Client.Tests.Streaming;

/// <summary>
/// Issue 16, item 5: a <c>jsonapi/sendtx</c> reply that cannot be read (invalid UTF-8, a lone surrogate escape, a
/// truncated frame) fails its send at once instead of letting it time out, and never throws out of the receive loop.
/// </summary>
public sealed class UnreadableTransactionReplyTests
{
    private const string TxInfo = """{"AccountIndex":7,"Nonce":3,"Sig":"abc"}""";

    [Fact]
    public async Task A_reply_whose_message_is_a_lone_surrogate_fails_the_send_at_once_and_is_reported()
    {
        await using var h = await StreamingHarness.StartAsync();
        h.Server.TransactionReply = frame =>
        {
            var id = frame.GetProperty("data").GetProperty("id").GetString();
            return $$"""{"code":21104,"id":"{{id}}","message":"bad \ud800 text","type":"jsonapi/sendtx"}""";
        };
        var reported = TestWait.ForDiagnosticAsync(h.Client, d => d.Kind == StreamDiagnosticKind.MalformedFrame && d.Message.Contains("'message'", StringComparison.Ordinal));

        // The fake clock never reaches TransactionTimeout: before the fix this waited until TestWait.Guard ran out.
        var error = await Assert.ThrowsAsync<LighterConnectionException>(() => h.Client.SendTransactionAsync(new TxPayload(14, TxInfo)).WaitAsync(TestWait.Guard));

        Assert.Contains("may or may not have been accepted", error.Message, StringComparison.Ordinal);
        Assert.Contains("'message'", error.Message, StringComparison.Ordinal);
        await reported;

        // The socket is still in business: the next reply is read normally.
        h.Server.TransactionReply = frame =>
            $$"""{"code":200,"id":"{{frame.GetProperty("data").GetProperty("id").GetString()}}","tx_hash":"0xbeef","type":"jsonapi/sendtx"}""";
        var next = await h.Client.SendTransactionAsync(new TxPayload(14, TxInfo)).WaitAsync(TestWait.Guard);
        Assert.True(next.IsSuccess);
        Assert.Single(h.Server.Connections);
    }

    [Fact]
    public async Task Invalid_utf8_in_message_fails_the_matching_request_without_throwing()
    {
        var correlator = new TransactionCorrelator();
        var (id, _, response) = correlator.Prepare([new TxPayload(14, TxInfo)], batch: false);
        var frame = Concat($$"""{"code":200,"id":"{{id}}","message":""" + "\"", [0xC3, 0x28, 0xFF], "\",\"type\":\"jsonapi/sendtx\"}");

        var (matched, problem) = correlator.Complete(frame); // before the fix: InvalidOperationException from GetString

        Assert.True(matched);
        Assert.Contains("'message'", problem, StringComparison.Ordinal);
        var error = await Assert.ThrowsAsync<LighterConnectionException>(() => response);
        Assert.Contains($"request {id}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_in_id_matches_nothing_and_is_returned_as_a_problem_not_thrown()
    {
        var correlator = new TransactionCorrelator();
        var (_, _, response) = correlator.Prepare([new TxPayload(14, TxInfo)], batch: false);
        var frame = Concat("""{"code":200,"id":""" + "\"", [0xFF, 0xFE], "\",\"message\":\"ok\",\"type\":\"jsonapi/sendtx\"}");

        var (matched, problem) = correlator.Complete(frame);

        Assert.False(matched); // an unreadable id is never guessed to be the oldest request
        Assert.Contains("'id'", problem, StringComparison.Ordinal);
        Assert.False(response.IsCompleted);
    }

    [Fact]
    public async Task A_truncated_reply_still_fails_the_request_whose_id_it_carried()
    {
        var correlator = new TransactionCorrelator();
        var (id, _, response) = correlator.Prepare([new TxPayload(14, TxInfo)], batch: false);

        var (matched, problem) = correlator.Complete(Encoding.UTF8.GetBytes($$"""{"code":200,"id":"{{id}}","tx_hash":"0x"""));

        Assert.True(matched);
        Assert.StartsWith("malformed JSON", problem, StringComparison.Ordinal);
        await Assert.ThrowsAsync<LighterConnectionException>(() => response);
    }

    private static byte[] Concat(string head, byte[] middle, string tail) =>
        [.. Encoding.UTF8.GetBytes(head), .. middle, .. Encoding.UTF8.GetBytes(tail)];
}
