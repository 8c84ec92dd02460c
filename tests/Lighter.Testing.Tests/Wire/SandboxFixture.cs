using System.Globalization;
using System.Net;
using System.Text.Json;
using Lighter.Signing;
using Microsoft.Extensions.Time.Testing;

namespace Lighter.Testing.Tests.Wire;

/// <summary>A started sandbox with two funded accounts, each with a registered key and a test signer.</summary>
internal sealed class SandboxFixture : IAsyncDisposable
{
    private readonly List<LighterPrivateKey> _keys = [];

    private SandboxFixture(LighterSandbox sandbox, FakeTimeProvider clock)
    {
        Sandbox = sandbox;
        Clock = clock;
        Http = new HttpClient { BaseAddress = sandbox.BaseUri };
    }

    public LighterSandbox Sandbox { get; }

    public FakeTimeProvider Clock { get; }

    public HttpClient Http { get; }

    public TestSigner Maker { get; private set; } = null!;

    public TestSigner Taker { get; private set; } = null!;

    public static async Task<SandboxFixture> StartAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var fixture = new SandboxFixture(await LighterSandbox.StartAsync(new LighterSandboxOptions { TimeProvider = clock }), clock);
        fixture.Maker = fixture.NewTrader(usdc: 100_000m);
        fixture.Taker = fixture.NewTrader(usdc: 100_000m);
        return fixture;
    }

    public TestSigner NewTrader(decimal usdc)
    {
        var account = Sandbox.CreateAccount(usdc);
        var key = LighterPrivateKey.Generate();
        _keys.Add(key);
        Sandbox.RegisterApiKey(account.Index, 2, key.PublicKey);
        return new TestSigner(key, account.Index, 2, Sandbox.ChainId, Clock);
    }

    public async Task<JsonElement> SendTxAsync(int txType, string txInfo, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["tx_type"] = txType.ToString(CultureInfo.InvariantCulture),
            ["tx_info"] = txInfo,
        });
        using var response = await Http.PostAsync("api/v1/sendTx", form);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> GetAsync(string path, string? auth = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (auth is not null)
        {
            request.Headers.TryAddWithoutValidation("authorization", auth);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Sandbox.DisposeAsync();
        foreach (var key in _keys)
        {
            key.Dispose();
        }
    }
}
