using Lighter.Client.Streaming;
using Lighter.Client.Tests.Streaming;

namespace Lighter.Client.Tests.Contract;

/// <summary>One scripted WebSocket server and one client (with a token source for private channels) per class.</summary>
public sealed class WsContractFixture : IAsyncLifetime
{
    private readonly Dictionary<string, int> _subscribes = new(StringComparer.Ordinal);

    internal StreamingHarness Harness { get; private set; } = null!;

    internal AsyncApiDocument Spec { get; } = AsyncApiDocument.LoadWithOverlay();

    public async Task InitializeAsync()
    {
        // The token expires a day after the harness clock starts (a far-off expiry would overflow the refresh timer).
        var expiry = new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);
        var provider = new DelegateAuthTokenProvider(_ => ValueTask.FromResult(Lighter.Client.Tests.Streaming.FakeAuthTokens.Issue(1, expiry)));
        Harness = await StreamingHarness.StartAsync(auth: provider);
        Harness.Server.TransactionReply = frame =>
            $$"""{"code":200,"id":"{{frame.GetProperty("data").GetProperty("id").GetString()}}","tx_hash":"0x1","type":"jsonapi/sendtx"}""";
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();

    /// <summary>How many times this class has subscribed to <paramref name="address"/>, counting the one about to happen.</summary>
    internal int NextSubscribe(string address)
    {
        lock (_subscribes)
        {
            return _subscribes[address] = _subscribes.GetValueOrDefault(address) + 1;
        }
    }
}
