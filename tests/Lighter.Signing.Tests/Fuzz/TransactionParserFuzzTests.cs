using System.Text;
using System.Text.Json;
using Lighter.Signing.Tests.Vectors;
using Lighter.Signing.Transactions;
using Lighter.Tests.Fuzz;

namespace Lighter.Signing.Tests.Fuzz;

/// <summary>
/// Fuzzes <see cref="ParsedTransaction.Parse"/> (and through it the internal TransactionJsonReader) with the official
/// <c>tx_info</c> vectors mutated (bit flips, truncation, invalid UTF-8, lone surrogates, huge numbers, deep nesting,
/// splices) and random bytes. Only <see cref="LighterSigningException"/> may escape.
/// CI: 1,000 inputs per seed. Long mode: see <see cref="FuzzHarness"/>.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class TransactionParserFuzzTests
{
    /// <summary>Per input: a parsed document, the transaction and an exception stay well under this.</summary>
    private const long MaxBytesPerInput = 4 * 1024 * 1024;

    private static readonly TxType[] Types = Enum.GetValues<TxType>();

    [Fact]
    public async Task Parse_throws_only_LighterSigningException_on_mutated_tx_info()
    {
        var corpus = TxInfoCorpus();
        var types = corpus.Select(c => c.Type).ToArray();
        var inputs = corpus.Select(c => Encoding.UTF8.GetBytes(c.TxInfo)).ToArray();

        await FuzzHarness.RunAsync(
            "ParsedTransaction.Parse",
            inputs,
            FuzzHarness.Iterations(1000),
            input =>
            {
                // The type follows the input, so a mutated CreateOrder is mostly read as a CreateOrder.
                var type = input.Length % 5 == 0 ? Types[input.Length % Types.Length] : types[input.Length % types.Length];
                var parsed = ParsedTransaction.Parse(type, FuzzHarness.AsText(input));
                _ = parsed.Transaction.Hash(LighterChainId.Mainnet, parsed.Header);
            },
            ex => ex is LighterSigningException,
            maxTimePerInput: TimeSpan.FromSeconds(1),
            maxBytes: MaxBytesPerInput);
    }

    [Fact]
    public void The_corpus_is_the_official_vectors_and_they_parse()
    {
        var corpus = TxInfoCorpus();

        Assert.Equal(35, corpus.Count);
        Assert.All(corpus, c => ParsedTransaction.Parse(c.Type, c.TxInfo));
    }

    internal static List<(TxType Type, string TxInfo)> TxInfoCorpus()
    {
        using var doc = VectorFiles.Load("oracle/transactions.json");
        return
        [
            .. doc.RootElement.GetProperty("vectors").EnumerateArray()
                .Select(v => ((TxType)v.GetProperty("tx_type").GetInt32(), v.GetProperty("tx_info").GetString()!)),
        ];
    }
}
