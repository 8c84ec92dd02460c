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

    /// <summary>Parses <c>--market N --size X --spread-bps B --requote-bps B --duration S --testnet --no-taker</c>.</summary>
    public static MakerOptions Parse(IReadOnlyList<string> args)
    {
        var options = new MakerOptions();
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--market" => options with { MarketId = short.Parse(Value(args, ref i), CultureInfo.InvariantCulture) },
                "--size" => options with { Size = Positive(args, ref i, "--size") },
                "--spread-bps" => options with { SpreadBps = Positive(args, ref i, "--spread-bps") },
                "--requote-bps" => options with { RequoteBps = Positive(args, ref i, "--requote-bps") },
                "--duration" => options with { Duration = TimeSpan.FromSeconds((double)Positive(args, ref i, "--duration")) },
                "--testnet" => options with { Testnet = true, Taker = false },
                "--taker" => options with { Taker = true },
                "--no-taker" => options with { Taker = false },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'.", nameof(args)),
            };
        }
        return options;
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.", nameof(args));

    private static decimal Positive(IReadOnlyList<string> args, ref int i, string name)
    {
        var text = Value(args, ref i);
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} must be a positive number, got '{text}'.", nameof(args));
    }
}
