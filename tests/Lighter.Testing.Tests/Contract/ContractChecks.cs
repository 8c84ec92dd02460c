using System.Globalization;
using Lighter.Client.Api;
using Lighter.Client.Models;
using Lighter.Testing.Tests.Wire;

namespace Lighter.Testing.Tests.Contract;

/// <summary>
/// One call per sandbox route through the generated Refit interface, with assertions that the key fields carry the
/// sandbox's values. A resting ask of the maker and a trade against the taker are placed first.
/// </summary>
internal sealed class ContractChecks(SandboxFixture f, IRootApi root, IBlockApi blocks, IAccountApi accounts,
    ITransactionApi txs, IOrderApi orders)
{
    private static readonly Dictionary<string, Func<ContractChecks, Task<object>>> Table = new()
    {
        ["GET /"] = c => c.StatusAsync(),
        ["GET /info"] = c => c.InfoAsync(),
        ["GET /api/v1/currentHeight"] = c => c.HeightAsync(),
        ["GET /api/v1/account"] = c => c.AccountAsync(),
        ["GET /api/v1/accountsByL1Address"] = c => c.SubAccountsAsync(),
        ["GET /api/v1/apikeys"] = c => c.ApiKeysAsync(),
        ["GET /api/v1/nextNonce"] = c => c.NextNonceAsync(),
        ["GET /api/v1/orderBooks"] = c => c.OrderBooksAsync(),
        ["GET /api/v1/orderBookDetails"] = c => c.OrderBookDetailsAsync(),
        ["GET /api/v1/assetDetails"] = c => c.AssetDetailsAsync(),
        ["GET /api/v1/orderBookOrders"] = c => c.OrderBookOrdersAsync(),
        ["GET /api/v1/recentTrades"] = c => c.RecentTradesAsync(),
        ["GET /api/v1/trades"] = c => c.TradesAsync(),
        ["GET /api/v1/accountActiveOrders"] = c => c.ActiveOrdersAsync(),
        ["GET /api/v1/accountInactiveOrders"] = c => c.InactiveOrdersAsync(),
        ["GET /api/v1/tx"] = c => c.TxAsync(),
        ["GET /api/v1/txs"] = c => c.TxsAsync(),
        ["GET /api/v1/accountTxs"] = c => c.AccountTxsAsync(),
        ["POST /api/v1/sendTx"] = c => c.SendTxAsync(),
        ["POST /api/v1/sendTxBatch"] = c => c.SendTxBatchAsync(),
    };

    private string? _tradeHash;

    public static IEnumerable<string> Routes => Table.Keys;

    private long Maker => f.Maker.AccountIndex;

    private long Taker => f.Taker.AccountIndex;

    public async Task<object> RunAsync(string route)
    {
        if (_tradeHash is null)
        {
            await f.SendTxAsync(14, f.Maker.CreateOrder(market: 0, clientOrderIndex: 7, baseAmount: 5_000, price: 300_000, isAsk: true));
            var trade = await f.SendTxAsync(14, f.Taker.CreateOrder(market: 0, clientOrderIndex: 8, baseAmount: 2_000, price: 301_000,
                isAsk: false, type: 1, timeInForce: 0));
            _tradeHash = trade.GetProperty("tx_hash").GetString();
        }

        Assert.True(Table.TryGetValue(route, out var check), $"no contract check for {route}");
        return await check(this);
    }

    private async Task<object> StatusAsync()
    {
        var status = await root.StatusAsync();
        Assert.Equal((int)f.Sandbox.ChainId, status.NetworkId);
        Assert.True(status.Timestamp > 0);
        return status;
    }

    private async Task<object> InfoAsync()
    {
        var result = await root.InfoAsync();
        Assert.StartsWith("0x", result.ContractAddress, StringComparison.Ordinal);
        return result;
    }

    private async Task<object> HeightAsync()
    {
        var height = await blocks.CurrentHeightAsync();
        Assert.Equal(f.Sandbox.Height, height.Height);
        Assert.True(height.Height > 0);
        return height;
    }

    private async Task<object> AccountAsync()
    {
        var result = await accounts.AccountAsync(AccountBy.Index, Taker.ToString(CultureInfo.InvariantCulture));
        var account = Assert.Single(result.Accounts);
        Assert.Equal(Taker, account.Index);
        Assert.NotEmpty(account.L1Address);
        Assert.True(account.Collateral > 0);
        Assert.Contains(account.Positions, p => p.MarketId == 0 && p.Position == 0.2m);
        return result;
    }

    private async Task<object> SubAccountsAsync()
    {
        var l1 = (await accounts.AccountAsync(AccountBy.Index, Maker.ToString(CultureInfo.InvariantCulture))).Accounts[0].L1Address;
        var result = await accounts.AccountsByL1AddressAsync(l1);
        Assert.Equal(l1, result.L1Address);
        Assert.Contains(result.Items, a => a.Index == Maker);
        return result;
    }

    private async Task<object> ApiKeysAsync()
    {
        var result = await accounts.ApikeysAsync(Maker);
        var key = Assert.Single(result.ApiKeys);
        Assert.Equal(2, key.ApiKeyIndex);
        Assert.Equal(Maker, key.AccountIndex);
        Assert.Equal(80, key.PublicKey.Length);
        return result;
    }

    private async Task<object> NextNonceAsync()
    {
        var result = await txs.NextNonceAsync(Maker, 2);
        Assert.Equal(f.Maker.Nonce, result.Nonce);
        Assert.True(result.Nonce > 0);
        return result;
    }

    private async Task<object> OrderBooksAsync()
    {
        var result = await orders.OrderBooksAsync();
        var market = f.Sandbox.Markets[0];
        var book = Assert.Single(result.Items, b => b.MarketId == market.MarketId);
        Assert.Equal(market.Symbol, book.Symbol);
        Assert.Equal(market.SizeDecimals, book.SupportedSizeDecimals);
        Assert.Equal(market.PriceDecimals, book.SupportedPriceDecimals);
        return result;
    }

    private async Task<object> OrderBookDetailsAsync()
    {
        var result = await orders.OrderBookDetailsAsync(marketId: 0);
        var detail = Assert.Single(result.Items);
        Assert.Equal(f.Sandbox.Markets[0].Symbol, detail.Symbol);
        Assert.Equal(3000d, detail.LastTradePrice);
        return result;
    }

    private async Task<object> AssetDetailsAsync()
    {
        var result = await orders.AssetDetailsAsync(assetId: 3);
        var usdc = Assert.Single(result.Items);
        Assert.Equal((3, "USDC", 6), (usdc.AssetId, usdc.Symbol, usdc.Decimals));
        Assert.Empty((await orders.AssetDetailsAsync(assetId: 1)).Items);
        return result;
    }

    private async Task<object> OrderBookOrdersAsync()
    {
        var result = await orders.OrderBookOrdersAsync(0, 5);
        var ask = Assert.Single(result.Asks);
        Assert.Equal(Maker, ask.OwnerAccountIndex);
        Assert.Equal(0.3m, ask.RemainingBaseAmount);
        Assert.Equal(3000m, ask.Price);
        return result;
    }

    private async Task<object> RecentTradesAsync()
    {
        var result = await orders.RecentTradesAsync(0, 5);
        AssertTheTrade(Assert.Single(result.Items));
        return result;
    }

    private async Task<object> TradesAsync()
    {
        var result = await orders.TradesAsync(TradesSortBy.Timestamp, 5, accountIndex: Taker);
        AssertTheTrade(Assert.Single(result.Items));
        return result;
    }

    private void AssertTheTrade(Trade trade)
    {
        Assert.Equal(0.2m, trade.Size);
        Assert.Equal(3000m, trade.Price);
        Assert.Equal(Maker, trade.AskAccountId);
        Assert.Equal(Taker, trade.BidAccountId);
        Assert.True(trade.IsMakerAsk);
        Assert.Equal(_tradeHash, trade.TxHash);
    }

    private async Task<object> ActiveOrdersAsync()
    {
        var result = await orders.AccountActiveOrdersAsync(Maker, authorization: f.Maker.AuthToken(TimeSpan.FromMinutes(5)));
        var order = Assert.Single(result.Items);
        Assert.Equal(7, order.ClientOrderIndex);
        Assert.True(order.IsAsk);
        Assert.Equal(0.3m, order.RemainingBaseAmount);
        Assert.Equal(OrderStatus.Open, order.Status);
        return result;
    }

    private async Task<object> InactiveOrdersAsync()
    {
        var result = await orders.AccountInactiveOrdersAsync(Taker, 5, authorization: f.Taker.AuthToken(TimeSpan.FromMinutes(5)));
        var order = Assert.Single(result.Items);
        Assert.Equal(8, order.ClientOrderIndex);
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(ReportedOrderType.Market, order.Type);
        return result;
    }

    private async Task<object> TxAsync()
    {
        var tx = await txs.TxAsync(TxBy.Hash, _tradeHash!);
        Assert.Equal(_tradeHash, tx.Hash);
        Assert.Equal(14, tx.Type);
        Assert.Equal(Taker, tx.AccountIndex);
        Assert.Contains("\"ClientOrderIndex\":8", tx.Info, StringComparison.Ordinal);
        return tx;
    }

    private async Task<object> TxsAsync()
    {
        var result = await txs.TxsAsync(10);
        Assert.Contains(result.Items, t => t.Hash == _tradeHash);
        return result;
    }

    private async Task<object> AccountTxsAsync()
    {
        var result = await txs.AccountTxsAsync(5, AccountTxsBy.AccountIndex, Taker.ToString(CultureInfo.InvariantCulture));
        var tx = Assert.Single(result.Items);
        Assert.Equal(_tradeHash, tx.Hash);
        return result;
    }

    private async Task<object> SendTxAsync()
    {
        var nonce = f.Maker.Nonce;
        var result = await txs.SendTxAsync(new ReqSendTx
        {
            TxType = 14,
            TxInfo = f.Maker.CreateOrder(market: 0, clientOrderIndex: 9, baseAmount: 1_000, price: 310_000, isAsk: true),
        });
        Assert.Equal(200, result.Code);
        Assert.Equal(80, result.TxHash.Length);
        Assert.Equal(nonce + 1, f.Sandbox.GetNextNonce(Maker, 2));
        return result;
    }

    private async Task<object> SendTxBatchAsync()
    {
        var first = f.Maker.CreateOrder(market: 0, clientOrderIndex: 10, baseAmount: 1_000, price: 320_000, isAsk: true);
        var second = f.Maker.CreateOrder(market: 0, clientOrderIndex: 11, baseAmount: 1_000, price: 330_000, isAsk: true);
        var result = await txs.SendTxBatchAsync(new ReqSendTxBatch
        {
            TxTypes = "[14,14]",
            TxInfos = System.Text.Json.JsonSerializer.Serialize(new[] { first, second }),
        });
        Assert.Equal(200, result.Code);
        Assert.Equal(2, result.TxHash.Count);
        Assert.All(result.TxHash, h => Assert.Equal(80, h.Length));
        return result;
    }
}
