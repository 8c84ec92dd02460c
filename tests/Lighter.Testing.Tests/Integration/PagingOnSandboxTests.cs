using Lighter.Client;
using Lighter.Client.Api;
using Lighter.Client.Models;
using Lighter.Signing.Transactions;

namespace Lighter.Testing.Tests.Integration;

/// <summary>
/// The generated paging helpers against the sandbox's keyset cursors: every inactive order and every trade of an
/// account comes back once, newest first, over several pages, including items that arrive while the walk is on.
/// </summary>
public sealed class PagingOnSandboxTests : IAsyncLifetime
{
    private const short Eth = 0;
    private const int PageSize = 40;
    private LighterSandbox _sandbox = null!;
    private SandboxTraders _traders = null!;
    private LighterClient _maker = null!;
    private LighterClient _taker = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await LighterSandbox.StartAsync();
        _traders = new SandboxTraders(_sandbox);
        _maker = _traders.Create();
        _taker = _traders.Create();
    }

    public async Task DisposeAsync()
    {
        await _traders.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task Every_inactive_order_comes_back_once_newest_first_across_pages()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var account = _maker.Options.AccountIndex!.Value;
        const int Orders = PageSize * 3 + 7;
        for (var i = 0; i < Orders; i++)
        {
            var placed = await _maker.CreateLimitOrderAsync(Eth, OrderSide.Sell, 0.01m, 3500m + i, clientOrderIndex: i + 1, cancellationToken: cts.Token);
            var resting = await _maker.WaitForExecutionAsync(placed, cts.Token);
            await _maker.WaitForExecutionAsync(await _maker.CancelOrderAsync(Eth, resting.OrderIndex!.Value, cts.Token), cts.Token);
        }

        var firstPage = await _maker.Order.AccountInactiveOrdersAsync(account, PageSize, cancellationToken: cts.Token);
        var all = await _maker.Order.EnumerateAccountInactiveOrdersAsync(account, PageSize, cancellationToken: cts.Token).ToListAsync(cts.Token);

        Assert.Equal(PageSize, firstPage.Items.Count);
        Assert.False(string.IsNullOrEmpty(firstPage.NextCursor));
        Assert.Equal(Orders, all.Count);
        Assert.Equal(Orders, all.Select(o => o.OrderIndex).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, Orders).Reverse().Select(i => (long)i), all.Select(o => o.ClientOrderIndex));
    }

    [Fact]
    public async Task Trades_page_by_cursor_and_a_trade_made_during_the_walk_neither_repeats_nor_hides_one()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var account = _maker.Options.AccountIndex!.Value;
        await _maker.WaitForExecutionAsync(await _maker.CreateLimitOrderAsync(Eth, OrderSide.Buy, 5m, 2900m, cancellationToken: cts.Token), cts.Token);
        const int Trades = PageSize * 2 + 3;
        for (var i = 0; i < Trades; i++)
        {
            await _taker.WaitForExecutionAsync(await _taker.CreateMarketOrderAsync(Eth, OrderSide.Sell, 0.01m, 2800m, cancellationToken: cts.Token), cts.Token);
        }

        var seen = new List<Trade>();
        await foreach (var trade in _maker.Order.EnumerateTradesAsync(TradesSortBy.Timestamp, PageSize, accountIndex: account, cancellationToken: cts.Token))
        {
            seen.Add(trade);
            if (seen.Count == 1)
            {
                // A trade newer than the cursor: it sorts before it, so the walk neither repeats nor skips one.
                await _taker.WaitForExecutionAsync(await _taker.CreateMarketOrderAsync(Eth, OrderSide.Sell, 0.01m, 2800m, cancellationToken: cts.Token), cts.Token);
            }
        }

        Assert.Equal(Trades, seen.Count);
        Assert.Equal(Trades, seen.Select(t => t.TradeId).Distinct().Count());
        Assert.Equal(seen.Select(t => t.TradeId).OrderDescending(), seen.Select(t => t.TradeId));
        var refetched = await _maker.Order.EnumerateTradesAsync(TradesSortBy.Timestamp, PageSize, accountIndex: account, cancellationToken: cts.Token).CountAsync(cts.Token);
        Assert.Equal(Trades + 1, refetched);
    }

    [Fact]
    public async Task An_unknown_cursor_is_refused_by_the_sandbox()
    {
        var account = _maker.Options.AccountIndex!.Value;

        var refused = await Assert.ThrowsAsync<LighterApiException>(() =>
            _maker.Order.AccountInactiveOrdersAsync(account, PageSize, cursor: "o999999"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("cursor", refused.ServerMessage, StringComparison.Ordinal);
    }
}
