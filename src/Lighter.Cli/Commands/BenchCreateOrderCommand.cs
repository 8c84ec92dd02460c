using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Lighter.Signing;
using Lighter.Signing.Transactions;

namespace Lighter.Cli.Commands;

/// <summary>
/// <c>lighter bench create-order --count N [--threads T]</c>: signs N CreateOrder transactions end to end (validate,
/// hash, sign, tx_info) with fresh nonces and a throw-away key, and prints one JSON line.
/// </summary>
internal static class BenchCreateOrderCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "Number of orders to sign.", DefaultValueFactory = _ => 10_000 };
        var threads = new Option<int>("--threads") { Description = "Signing threads.", DefaultValueFactory = _ => 1 };
        var command = new Command("create-order", "Sign N CreateOrder transactions end to end (validate, hash, sign, tx_info).")
        {
            count, threads,
        };
        command.SetAction(parse =>
        {
            var (n, t) = (parse.GetValue(count), parse.GetValue(threads));
            if (n < 1 || t < 1)
            {
                parse.InvocationConfiguration.Error.WriteLine("error: --count and --threads must be at least 1.");
                return 1;
            }

            var seconds = Run(n, t);
            parse.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $$"""{"op":"create_order","count":{{n}},"threads":{{t}},"seconds":{{seconds:0.######}},"per_sec":{{Math.Round(n / seconds)}}}"""));
            return 0;
        });
        return command;
    }

    /// <summary>Signs <paramref name="count"/> orders on <paramref name="threads"/> threads; returns elapsed seconds.</summary>
    internal static double Run(int count, int threads)
    {
        using var key = LighterPrivateKey.Generate();
        var signer = new LighterSigner(key, LighterChainId.Testnet, accountIndex: 1, apiKeyIndex: 0);
        var expiry = TxDefaults.OrderExpiry();
        Sign(signer, 0, Math.Min(count, 100), expiry); // warm-up

        var stopwatch = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, thread =>
        {
            var share = (count / threads) + (thread < count % threads ? 1 : 0);
            Sign(signer, thread * (long)count, share, expiry);
        });
        return stopwatch.Elapsed.TotalSeconds;
    }

    private static void Sign(LighterSigner signer, long firstNonce, int count, long expiry)
    {
        for (var i = 0; i < count; i++)
        {
            var order = new CreateOrder
            {
                MarketIndex = 0, ClientOrderIndex = firstNonce + i + 1, BaseAmount = 1000, Price = 50_000,
                Side = (i & 1) == 1 ? OrderSide.Sell : OrderSide.Buy, Type = OrderType.Limit, TimeInForce = OrderTimeInForce.GoodTillTime,
                OrderExpiry = expiry,
            };
            _ = signer.Sign(order, nonce: firstNonce + i);
        }
    }
}
