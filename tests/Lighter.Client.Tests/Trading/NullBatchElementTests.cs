using Lighter.Signing.Transactions;

namespace Lighter.Client.Tests.Trading;

/// <summary>Issue 16, item 3 (general case): a null element of a batch is named before any nonce or request.</summary>
public sealed class NullBatchElementTests
{
    [Fact]
    public async Task A_null_transaction_in_a_batch_is_named_by_index_before_anything_is_sent()
    {
        using var client = LighterClient.Create(new LighterClientOptions
        {
            Environment = "custom",
            BaseUrl = new Uri("http://127.0.0.1:9/"),
            WebSocketUrl = new Uri("ws://127.0.0.1:9/stream"),
            ChainId = 300,
            AccountIndex = 7,
            ApiKeyIndex = 3,
            PrivateKey = "1111111111111111111111111111111111111111111111111111111111111111111111111111111a",
            MaxRetries = 0,
        });
        var cancel = new CancelOrder { MarketIndex = 0, Index = 1 };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.SubmitBatchAsync([cancel, null!]));

        Assert.Equal("transactions", ex.ParamName);
        Assert.Contains("transactions[1] is null", ex.Message, StringComparison.Ordinal);
    }
}
