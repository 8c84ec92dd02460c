using Lighter.Client;
using Lighter.Client.Streaming.Messages;
using Lighter.Signing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lighter.Testing.Tests.PublicApi;

/// <summary>What <see cref="LighterClient"/> promises as a whole: read-only options, a stream side built from the same options, DI.</summary>
public sealed class ClientSurfaceTests : IAsyncLifetime
{
    private LighterSandbox _sandbox = null!;
    private LighterPrivateKey _key = null!;
    private SandboxAccount _account = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await LighterSandbox.StartAsync();
        _key = LighterPrivateKey.Generate();
        _account = _sandbox.CreateAccount();
        _sandbox.RegisterApiKey(_account.Index, 3, _key.PublicKey);
    }

    public async Task DisposeAsync()
    {
        _key.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public void The_client_keeps_a_read_only_copy_of_its_options()
    {
        var options = Options();
        using var client = LighterClient.Create(options);

        options.NonceWindow = 3;
        options.SubmissionRetry.MaxAttempts = 1;

        Assert.Equal(LighterClientOptions.DefaultNonceWindow, client.Options.NonceWindow);
        Assert.Equal(12, client.Options.SubmissionRetry.MaxAttempts);
        Assert.True(client.Options.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => client.Options.AccountIndex = 99);
        Assert.Throws<InvalidOperationException>(() => client.Options.SubmissionRetry.MaxAttempts = 1);
        Assert.False(options.IsReadOnly);
    }

    [Fact]
    public async Task Streams_reach_the_environment_and_sign_in_to_account_channels_with_the_clients_key()
    {
        await using var client = LighterClient.Create(Options());

        await using var orders = await client.Streams.SubscribeAsync(LighterChannels.AccountOrders(0, _account.Index));
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var messages = orders.ReadAllAsync(guard.Token).GetAsyncEnumerator(guard.Token);

        Assert.True(await messages.MoveNextAsync());
        Assert.IsType<AccountOrdersSubscribed>(messages.Current);
        Assert.Equal(_sandbox.WebSocketUri, client.Environment.WebSocketUrl);
    }

    [Fact]
    public async Task The_container_resolves_one_client_behind_its_interface_and_its_stream_side()
    {
        var services = new ServiceCollection();
        services.AddLighterClient(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Lighter:Environment"] = "custom",
            ["Lighter:BaseUrl"] = _sandbox.BaseUri.ToString(),
            ["Lighter:WebSocketUrl"] = _sandbox.WebSocketUri.ToString(),
            ["Lighter:ChainId"] = _sandbox.ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build());
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<LighterClient>();
        Assert.Same(client, provider.GetRequiredService<ILighterClient>());
        Assert.Same(client.Streams, provider.GetRequiredService<Lighter.Client.Streaming.LighterWebSocketClient>());
    }

    [Fact]
    public async Task Markets_come_from_the_generated_model_with_minimums_and_a_symbol_look_up()
    {
        using var client = LighterClient.Create(Options());

        var eth = await client.Markets.GetAsync("eth");

        Assert.Equal((SandboxMarket.Eth.MarketId, SandboxMarket.Eth.MinBaseAmount, SandboxMarket.Eth.MinQuoteAmount), (eth.MarketId, eth.MinBaseAmount, eth.MinQuoteAmount));
        Assert.Same(eth, await client.Markets.GetAsync(eth.MarketId));
        await Assert.ThrowsAsync<ArgumentException>(async () => await client.Markets.GetAsync("NOPE"));
        // Under the minimum value (size x price < MinQuoteAmount): refused before anything is signed or sent.
        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.CreateLimitOrderAsync(eth.MarketId, Lighter.Signing.Transactions.OrderSide.Buy, eth.MinBaseAmount, 1m));
        Assert.Equal("size", error.ParamName);
        Assert.Empty(_sandbox.GetTransactions(_account.Index));
    }

    [Fact]
    public async Task A_withdrawal_in_usdc_is_scaled_with_the_decimals_the_exchange_reports()
    {
        using var client = LighterClient.Create(Options());
        var before = await CollateralAsync(client);

        await client.WithdrawAsync(3, 1.5m);

        var withdraw = Assert.Single(_sandbox.GetTransactions(_account.Index));
        Assert.Equal((int)Lighter.Signing.Transactions.TxType.Withdraw, withdraw.TxType);
        Assert.Equal(before - 1.5m, await CollateralAsync(client));   // 1,500,000 units of 10^-6 USDC
        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.WithdrawAsync(3, 1.0000005m));
        Assert.Equal("amount", error.ParamName);   // more decimals than USDC has: refused before signing
        await Assert.ThrowsAsync<ArgumentException>(() => client.WithdrawAsync(9, 1m));   // an asset the exchange does not list
    }

    private async Task<decimal> CollateralAsync(LighterClient client) =>
        (await client.Account.AccountAsync(Lighter.Client.Models.AccountBy.Index, _account.Index.ToString(System.Globalization.CultureInfo.InvariantCulture))).Accounts[0].Collateral;

    private LighterClientOptions Options() => new()
    {
        Environment = "custom", BaseUrl = _sandbox.BaseUri, WebSocketUrl = _sandbox.WebSocketUri,
        ChainId = (int)_sandbox.ChainId, AccountIndex = _account.Index, ApiKeyIndex = 3,
        PrivateKey = _key.ExportHex(), RateLimitTier = RateLimitTier.Unlimited,
    };
}
