using System.Globalization;

namespace MarketMaker;

/// <summary>The bot's command line: market, quote size, spread, requote threshold, run time, taker, testnet.</summary>
internal sealed record MakerOptions
{
    public short MarketId { get; init; }
    public decimal Size { get; init; } = 0.1m;
    public decimal SpreadBps { get; init; } = 10m;
    public decimal RequoteBps { get; init; } = 5m;
    public TimeSpan? Duration { get; init; }
    public bool Testnet { get; init; }
    public bool Taker { get; init; } = true;
    public bool Help { get; init; }

    /// <summary>The help text (printed by <c>--help</c> and after a bad option).</summary>
    public const string Usage = """
        Usage: MarketMaker [--market N] [--size X] [--spread-bps B] [--requote-bps B] [--duration S] [--no-taker] [--testnet]
          --market N        market index (default 0, ETH on the sandbox)
          --size X          size of each quote (default 0.1)
          --spread-bps B    bid-ask spread of the quotes in basis points (default 10)
          --requote-bps B   cancel and requote when the mid moves more than this (default 5)
          --duration S      stop after S seconds (default: run until Ctrl+C or SIGTERM)
          --no-taker        no second sandbox account sending market orders at the bot
          --testnet         quote on testnet with LIGHTER_ACCOUNT_INDEX, LIGHTER_API_KEY_INDEX, LIGHTER_PRIVATE_KEY
        On a terminal it shows a live table; when output is redirected it prints a "Quoting:" line once both quotes
        rest, then one plain progress line a second. Ctrl+C or SIGTERM cancels the quotes, prints a "Stopped:" summary
        and exits 0; a failed run exits 1, bad options or missing credentials exit 2.
        """;

    /// <summary>Parses <c>--market N --size X --spread-bps B --requote-bps B --duration S --testnet --no-taker --help</c>.</summary>
    public static MakerOptions Parse(IReadOnlyList<string> args)
    {
        var options = new MakerOptions();
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--market" => options with { MarketId = Market(Value(args, ref i)) },
                "--size" => options with { Size = Positive(args, ref i, "--size") },
                "--spread-bps" => options with { SpreadBps = Positive(args, ref i, "--spread-bps") },
                "--requote-bps" => options with { RequoteBps = Positive(args, ref i, "--requote-bps") },
                "--duration" => options with { Duration = TimeSpan.FromSeconds((double)Positive(args, ref i, "--duration")) },
                "--testnet" => options with { Testnet = true, Taker = false },
                "--taker" => options with { Taker = true },
                "--no-taker" => options with { Taker = false },
                "--help" or "-h" => options with { Help = true },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }
        return options;
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");

    private static short Market(string text) =>
        short.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var market)
            ? market
            : throw new ArgumentException($"--market must be a market index (0..32767), got '{text}'.");

    private static decimal Positive(IReadOnlyList<string> args, ref int i, string name)
    {
        var text = Value(args, ref i);
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} must be a positive number, got '{text}'.");
    }
}
